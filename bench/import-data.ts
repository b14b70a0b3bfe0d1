// The generated data of the import benchmark, shared by the file writer and the raw-insert baselines.
import { generateDemoWorkspace } from '../server/demo/generate.js';

export const BENCH_SEED = 42;
export const BENCH_TODAY = '2026-11-23';
export const PURCHASE_COLUMNS = [
  'id',
  'customerId',
  'storeId',
  'purchasedAt',
  'amount',
  'discount',
  'productCategory',
] as const;
const CATEGORIES = ['coffee', 'pastry', 'breakfast', 'lunch', 'beans', 'merch'];

export type PurchaseCells = [string, string, string, string, number, number | null, string];

/** `count` purchases by the benchmark's customers at the demo's stores over the year before BENCH_TODAY. */
export function* benchPurchases(count: number, customers: number): Generator<PurchaseCells> {
  const stores = generateDemoWorkspace({
    seed: BENCH_SEED,
    customers: 0,
    today: BENCH_TODAY,
  }).stores;
  const start = Date.parse(`${BENCH_TODAY}T00:00:00Z`) - 365 * 86_400_000;
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < count; i++) {
    const at = new Date(start + Math.floor(next() * 365 * 86_400_000)).toISOString();
    const discount = next() < 0.2 ? Math.round(next() * 300) / 100 : null;
    yield [
      `p${i}`,
      `c${Math.floor(next() * customers)}`,
      stores[i % stores.length]!.id,
      at,
      Math.round((2 + next() * 30) * 100) / 100,
      discount,
      CATEGORIES[i % CATEGORIES.length]!,
    ];
  }
}
