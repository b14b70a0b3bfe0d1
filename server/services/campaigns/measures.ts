// A campaign's measures from the purchase history: its window, each audience member's facts, and the measures of the
// whole audience, of each area's part and of each home store's part, treated against held out. Also every purchase
// in the window at the stores the caller may see, linked to a customer or not (erased customers' purchases count).
import type { CampaignRecord } from '../../db/repos/campaigns.js';
import { measureGroup, MIN_CONCLUSIVE_GROUP } from '../../domain/campaigns/measures.js';
import { hideSmallMeasures } from '../../domain/campaigns/measures-privacy.js';
import { drawBudget } from '../../domain/stats/bootstrap.js';
import {
  memberFacts,
  scanDays,
  type MeasureWindow,
} from '../../domain/campaigns/purchase-facts.js';
import { isoDate } from '../../domain/campaigns/trends.js';
import type { CampaignMeasures, MeasuredGroup } from '../../domain/schemas/campaign-measures.js';
import type { PurchaseHistory } from '../purchases/purchase-history.js';
import { scanRanges, type ScanRanges } from '../purchases/scan-ranges.js';

const DAY_MS = 86_400_000;
/** Purchases up to this many days after the campaign's end still count as converted, unless asked otherwise. */
export const DEFAULT_CONVERSION_DAYS = 7;

export interface MeasureMember {
  seq: number;
  holdout: boolean;
  homeStoreId: string | null;
}

export interface MeasureInput {
  purchases: PurchaseHistory;
  campaign: Pick<CampaignRecord, 'id' | 'startsAt' | 'endsAt'>;
  members: readonly MeasureMember[];
  areas: readonly { id: string; name: string; seqs: ArrayLike<number> }[];
  storeNames: ReadonlyMap<string, string>;
  /** The stores whose purchases the caller may see; null for all. */
  visibleStoreIds: readonly string[] | null;
  conversionDays: number;
  /** The minimum group size for aggregate-only roles, or null. */
  k: number | null;
  at: Date;
}

/** The window: the campaign's first day to its last plus the conversion days, never past today. */
export function measureWindow(
  startsAt: string,
  endsAt: string,
  conversionDays: number,
  at: Date,
): MeasureWindow {
  const today = Math.floor(at.getTime() / DAY_MS);
  const start = Math.floor(Date.parse(startsAt) / DAY_MS);
  const end = Math.max(
    start,
    Math.min(today, Math.floor(Date.parse(endsAt) / DAY_MS) + conversionDays),
  );
  return { start, end, today };
}

function split(indices: number[], members: readonly MeasureMember[]) {
  const treated: number[] = [];
  const holdout: number[] = [];
  for (const i of indices) (members[i]!.holdout ? holdout : treated).push(i);
  return { treated: Int32Array.from(treated), holdout: Int32Array.from(holdout) };
}

export function campaignMeasures(input: MeasureInput): CampaignMeasures {
  const { members, campaign } = input;
  const w = measureWindow(campaign.startsAt, campaign.endsAt, input.conversionDays, input.at);
  const maxSeq = members.reduce((m, c) => Math.max(m, c.seq), -1);
  const memberOf = new Int32Array(maxSeq + 1).fill(-1);
  members.forEach((m, i) => (memberOf[m.seq] = i));
  const scan = scanRanges(input.purchases, w);
  const facts = memberFacts(
    scan.columns,
    scan.beforeAndWindow,
    memberOf,
    members.length,
    w,
    scan.followUp,
  );
  const everyone = members.map((_, i) => i);
  const areaGroups = input.areas.map((area) => {
    const indices: number[] = [];
    for (let j = 0; j < area.seqs.length; j++) {
      const seq = area.seqs[j]!;
      if (seq <= maxSeq && memberOf[seq]! >= 0) indices.push(memberOf[seq]!);
    }
    return { key: area.id, indices, name: area.name as string | undefined };
  });
  const stores = new Map<string, number[]>();
  members.forEach((m, i) => {
    const key = m.homeStoreId ?? '';
    let list = stores.get(key);
    if (!list) stores.set(key, (list = []));
    list.push(i);
  });
  const storeGroups = [...stores.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, indices]) => ({ key, indices, name: input.storeNames.get(key) }));
  const groups = [
    { key: 'all', indices: everyone, name: undefined },
    ...areaGroups,
    ...storeGroups,
  ];
  // One resampling budget for the whole answer, spent on the smallest groups first: their intervals are the ones a
  // bootstrap improves on; a large group's mean is normal, so it takes the normal interval once the budget is spent.
  const budget = drawBudget();
  const measured = new Array<MeasuredGroup>(groups.length);
  for (const g of groups
    .map((group, position) => ({ group, position }))
    .sort((a, b) => a.group.indices.length - b.group.indices.length)) {
    const { key, indices, name } = g.group;
    measured[g.position] = {
      ...measureGroup(facts, { key, ...split(indices, members) }, w, campaign.id, budget),
      ...(name === undefined ? {} : { name }),
    };
  }
  const byArea = measured.slice(1, 1 + areaGroups.length);
  const byStore = measured.slice(1 + areaGroups.length);

  const result: CampaignMeasures = {
    window: {
      from: isoDate(w.start),
      to: isoDate(w.end),
      conversionDays: input.conversionDays,
      beforeFrom: isoDate(scanDays(w)[0]),
      beforeTo: isoDate(w.start - 1),
    },
    overall: measured[0]!,
    byArea,
    byStore,
    totals: windowTotals(scan, w, input.visibleStoreIds),
    minConclusiveGroup: MIN_CONCLUSIVE_GROUP,
  };
  return input.k === null ? result : hideSmallMeasures(result, input.k);
}

/** Every purchase of the window at the visible stores: erased customers' purchases count here, linked to nobody. */
function windowTotals(
  range: Pick<ScanRanges, 'columns' | 'storeIds' | 'window'>,
  w: MeasureWindow,
  visible: readonly string[] | null,
): CampaignMeasures['totals'] {
  const { day, customer, amount, store } = range.columns;
  const allowed = visible === null ? null : new Set(visible);
  let purchases = 0;
  let revenue = 0;
  let unlinked = 0;
  for (const [a, b] of range.window)
    for (let r = a; r < b; r++) {
      if (day[r]! < w.start || day[r]! > w.end) continue;
      if (allowed !== null && !allowed.has(range.storeIds[store[r]!]!)) continue;
      purchases++;
      revenue += amount[r]!;
      if (customer[r]! < 0) unlinked++;
    }
  return { purchases, revenue: Math.round(revenue * 100) / 100, unlinked };
}
