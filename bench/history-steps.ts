// The purchase history's whole-copy work, in one go (as the load did before issue 19's follow-up) against the longest
// single step of the same work in steps (as the load does now), on a copy of the history the bench just loaded: the
// counting sort by day and the move into bigger arrays. The longest step is what the event loop waits for at most.
import { emptyHistory, type HistoryColumns } from '../server/services/purchases/history-columns.js';
import {
  growInSteps,
  runSteps,
  sortByDayInSteps,
  type Steps,
} from '../server/services/purchases/history-steps.js';
import type { PurchaseHistory } from '../server/services/purchases/purchase-history.js';
import type { BenchResult } from './run.js';

/** The server's step (purchase-history.ts STEP_ROWS). */
const STEP_ROWS = 100_000;

/** A private copy of the loaded rows, so the timings never touch the live history. */
function copyOf(history: PurchaseHistory): HistoryColumns {
  const { columns } = history.range(-Infinity, Infinity);
  const count = history.size();
  const h = emptyHistory(0, 0);
  h.columns = {
    day: columns.day.slice(0, count),
    customer: columns.customer.slice(0, count),
    amount: columns.amount.slice(0, count),
    store: columns.store.slice(0, count),
  };
  h.count = count;
  for (let r = 0; r < count; r++) {
    h.minDay = Math.min(h.minDay, h.columns.day[r]!);
    h.maxDay = Math.max(h.maxDay, h.columns.day[r]!);
  }
  return h;
}

function oneGo(steps: Steps): number {
  const started = performance.now();
  runSteps(steps);
  return performance.now() - started;
}

function longestStep(steps: Steps): number {
  let longest = 0;
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    longest = Math.max(longest, performance.now() - started);
    if (step.done) return longest;
  }
}

export function historyStepFigures(history: PurchaseHistory): BenchResult[] {
  const h = copyOf(history);
  const bigger = Math.ceil(h.count * 1.5);
  const sortOnce = oneGo(sortByDayInSteps(h, Number.MAX_SAFE_INTEGER));
  const sortStep = longestStep(sortByDayInSteps(h, STEP_ROWS));
  const growOnce = oneGo(growInSteps(h, bigger, Number.MAX_SAFE_INTEGER));
  const growStep = longestStep(growInSteps(h, bigger, STEP_ROWS));
  return [
    {
      name: `results: history sort by day in one go (${h.count} rows)`,
      value: sortOnce,
      unit: 'ms',
    },
    { name: 'results: longest step of that sort in steps', value: sortStep, unit: 'ms' },
    { name: 'results: sort in one go / longest step', value: sortOnce / sortStep, unit: '×' },
    { name: 'results: history move to bigger arrays in one go', value: growOnce, unit: 'ms' },
    { name: 'results: longest step of that move in steps', value: growStep, unit: 'ms' },
    { name: 'results: move in one go / longest step', value: growOnce / growStep, unit: '×' },
  ];
}
