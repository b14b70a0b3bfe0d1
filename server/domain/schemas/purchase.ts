// Purchases from a till (POST /api/purchases): one or a batch, idempotent by the till's own purchase id.
import { z } from 'zod';
import { text } from './text.js';

/** Most purchases one request may carry; larger uploads go through the purchases import. */
export const PURCHASE_BATCH_MAX = 1000;

const money = z.number().min(0).max(1e9);

export const purchaseCreate = z
  .strictObject({
    id: text({ min: 1, max: 200 }).meta({
      description:
        "The till's own purchase id: posting it again changes nothing, or updates the purchase",
    }),
    customerId: text({ min: 1, max: 200 }).meta({
      description: "The customer's id (their purchases may arrive before the customer is imported)",
    }),
    storeId: text({ min: 1, max: 200 }),
    purchasedAt: z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 instant' }),
    amount: money.meta({ description: 'What the customer paid, in currency units' }),
    discount: money.nullish().meta({
      description:
        'The discount given (an offer code counts); above 0 marks the purchase as discounted',
    }),
    productCategory: text({ min: 1, max: 120 })
      .nullish()
      .meta({ description: "A stable category key, e.g. 'coffee' or 'books'" }),
  })
  .meta({ id: 'PurchaseCreate' });
export type PurchaseCreate = z.infer<typeof purchaseCreate>;

// The cap is checked by the service, not here: a union whose every branch fails reports only "body", and a till
// should hear which field it broke (body.purchases).
export const purchaseBatch = z
  .strictObject({
    purchases: z
      .array(purchaseCreate)
      .min(1)
      .meta({ description: `At most ${PURCHASE_BATCH_MAX} purchases` }),
  })
  .meta({ id: 'PurchaseBatch' });

/** Body of POST /api/purchases: one purchase, or `{ purchases: [...] }`. */
export const purchasePost = z.union([purchaseCreate, purchaseBatch]);

export const purchaseWriteResult = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int().meta({ description: 'Known ids whose content changed' }),
    unchanged: z
      .number()
      .int()
      .meta({ description: 'Known ids posted again with the same content' }),
  })
  .meta({ id: 'PurchaseWriteResult' });
