// Users and the stores a store manager looks after. Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import { statement } from '../statements.js';
import type { Role, User } from '../../domain/schemas/user.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  active: 0 | 1;
  version: number;
  created_at: string;
  updated_at: string;
  store_ids: string;
}

export interface UserRecord extends User {
  passwordHash: string;
}

const select = `SELECT u.id, u.email, u.name, u.password_hash, u.role, u.active, u.version, u.created_at, u.updated_at,
  (SELECT json_group_array(store_id) FROM (SELECT store_id FROM user_stores WHERE user_id = u.id ORDER BY store_id)) AS store_ids
  FROM users u`;

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    storeIds: JSON.parse(row.store_ids) as string[],
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordHash: row.password_hash,
  };
}

/** The user without the password hash, for answers. */
export function publicUser({ passwordHash: _, ...user }: UserRecord): User {
  return user;
}

export function listUsers(db: Db): UserRecord[] {
  return (db.prepare(`${select} ORDER BY u.email`).all() as UserRow[]).map(toRecord);
}

export function findUser(db: Db, id: string): UserRecord | null {
  const row = statement(db, `${select} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return row ? toRecord(row) : null;
}

export function findUserByEmail(db: Db, email: string): UserRecord | null {
  const row = db.prepare(`${select} WHERE u.email = ?`).get(email.trim()) as UserRow | undefined;
  return row ? toRecord(row) : null;
}

export function countUsers(db: Db): number {
  return db.prepare('SELECT count(*) FROM users').pluck().get() as number;
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  storeIds: string[];
}

export function insertUser(db: Db, user: NewUser, at: string): UserRecord {
  db.prepare(
    'INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(user.id, user.email.trim(), user.name, user.passwordHash, user.role, at, at);
  setUserStores(db, user.id, user.storeIds);
  return findUser(db, user.id)!;
}

export function setUserStores(db: Db, userId: string, storeIds: string[]): void {
  db.prepare('DELETE FROM user_stores WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_stores (user_id, store_id) VALUES (?, ?)');
  for (const storeId of new Set(storeIds)) insert.run(userId, storeId);
}

export function updateUser(
  db: Db,
  id: string,
  values: Partial<Pick<UserRecord, 'name' | 'role' | 'active' | 'passwordHash'>>,
  at: string,
): void {
  const columns = {
    name: values.name,
    role: values.role,
    active: values.active === undefined ? undefined : values.active ? 1 : 0,
    password_hash: values.passwordHash,
  };
  const set = Object.entries(columns).filter(([, value]) => value !== undefined);
  const sets = set.map(([column]) => `${column} = ?`);
  const args = set.map(([, value]) => value);
  db.prepare(
    `UPDATE users SET ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ?`,
  ).run(...args, at, id);
}

/** Active owners other than `exceptId`: the last owner may not be demoted, deactivated or deleted. */
export function countOtherActiveOwners(db: Db, exceptId: string): number {
  return db
    .prepare("SELECT count(*) FROM users WHERE role = 'owner' AND active = 1 AND id <> ?")
    .pluck()
    .get(exceptId) as number;
}

export function deleteUser(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM users WHERE id = ?').run(id).changes > 0;
}
