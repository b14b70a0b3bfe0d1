// A time budget for heavy work per turn of the event loop. Node accepts only a few new connections per turn (measured:
// about 5 on Node 20 with libuv 1.46), so a turn that runs many heavy requests back to back leaves new connections — a
// load balancer's health check, a till — in the kernel's accept queue for seconds. Heavy requests start from a
// setImmediate, one after another until the turn's budget is spent (at least one per turn); the rest start in later
// turns, after the I/O that arrived meanwhile, so accepting and answering cheap requests goes on between them.

export interface TurnGate {
  /**
   * Calls `start` in a later turn, after everything queued before it. `start` runs synchronously and returns what the
   * request is expected to cost the event loop in ms beyond its synchronous part (its estimate for work that goes on
   * after an await, e.g. once a request body is read).
   */
  enter(start: () => number): void;
  readonly waiting: number;
}

/** Heavy work one turn may start, in ms of the event loop: short enough for a health check, long enough to batch. */
export const TURN_BUDGET_MS = 10;

export function createTurnGate({
  budgetMs = TURN_BUDGET_MS,
  now = () => performance.now(),
}: { budgetMs?: number; now?: () => number } = {}): TurnGate {
  const waiting: (() => number)[] = [];
  let scheduled = false;
  // An immediate queued from inside an immediate runs in the next turn (after that turn's I/O), which is the point.
  const tick = () => {
    const started = now();
    let expectedLater = 0;
    while (waiting.length > 0 && now() - started + expectedLater < budgetMs)
      expectedLater += waiting.shift()!();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(tick);
  };
  return {
    enter(start) {
      waiting.push(start);
      if (!scheduled) {
        scheduled = true;
        setImmediate(tick);
      }
    },
    get waiting() {
      return waiting.length;
    },
  };
}
