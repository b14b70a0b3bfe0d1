// Which campaigns target which areas. Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import { statement } from '../statements.js';

/** The campaigns (id and name, by name) that target an area. */
export function campaignsUsingArea(db: Db, areaId: string): { id: string; name: string }[] {
  return statement(
    db,
    'SELECT c.id, c.name FROM campaign_areas ca JOIN campaigns c ON c.id = ca.campaign_id WHERE ca.area_id = ? ORDER BY c.name, c.id',
  ).all(areaId) as { id: string; name: string }[];
}
