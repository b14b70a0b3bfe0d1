// Prepared statements kept per connection: compiling SQL costs more than running a small indexed query, and the
// session and user look-ups run on every signed-in request (the mix benchmark found them a third of a cached list's
// CPU). Only for statements used as prepared, never switched to pluck/raw/expand: those modes stick to the object.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

const kept = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, compiled on first use.
 * @example statement(db, 'SELECT * FROM users WHERE id = ?').get(id)
 */
export function statement(db: Db, sql: string): Statement {
  let statements = kept.get(db);
  if (!statements) kept.set(db, (statements = new Map()));
  let prepared = statements.get(sql);
  if (!prepared) statements.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
