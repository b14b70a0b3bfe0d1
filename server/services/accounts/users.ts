// User administration by owners: create, edit (versioned), deactivate and delete accounts. Every change is audited
// in its own transaction, and the workspace always keeps one active owner.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import { deleteUserSessions } from '../../db/repos/sessions.js';
import { findStore } from '../../db/repos/stores.js';
import {
  countOtherActiveOwners,
  deleteUser,
  findUser,
  findUserByEmail,
  insertUser,
  setUserStores,
  updateUser,
  type UserRecord,
} from '../../db/repos/users.js';
import type { Principal } from '../../domain/permissions.js';
import type { Role, UserCreate, UserPatch } from '../../domain/schemas/user.js';
import { ServiceError, type CodedFieldError } from '../errors.js';
import { hashPassword } from './passwords.js';

const LAST_OWNER =
  'The workspace needs at least one active owner: make someone else an owner first';

/** A store manager's stores must exist and be at least one; other roles keep none (they see every store). */
function storesFor(db: Db, role: Role, storeIds: string[]): string[] {
  if (role !== 'store_manager') return [];
  const errors: CodedFieldError[] = storeIds.flatMap((id, i) =>
    findStore(db, id)
      ? []
      : [{ field: `body.storeIds.${i}`, code: 'unknown_store', message: `no store with id ${id}` }],
  );
  if (errors.length) throw new ServiceError('invalid', 'Some of the stores do not exist', errors);
  if (storeIds.length === 0)
    throw new ServiceError('invalid', 'A store manager needs at least one store', [
      {
        field: 'body.storeIds',
        code: 'store_needed',
        message: 'at least one store for a store manager',
      },
    ]);
  return [...new Set(storeIds)];
}

function notFound(id: string): ServiceError {
  return new ServiceError('not-found', `No user with id ${id}`, [
    { field: 'params.id', code: 'unknown_user', message: 'unknown user' },
  ]);
}

function audit(
  db: Db,
  actor: Principal,
  action: string,
  targetId: string,
  detail: Record<string, unknown>,
  at: string,
): void {
  recordAudit(db, {
    at,
    actorId: actor.id,
    actor: actor.label,
    action,
    targetType: 'user',
    targetId,
    detail,
  });
}

export async function createUser(
  db: Db,
  input: UserCreate,
  actor: Principal,
  now: Date,
  scryptCost: number,
): Promise<UserRecord> {
  // Hash before the transaction: scrypt is slow, and a transaction must not wait on it.
  const passwordHash = await hashPassword(input.password, scryptCost);
  const at = now.toISOString();
  return db.transaction(() => {
    if (findUserByEmail(db, input.email))
      throw new ServiceError('conflict', 'Another account already uses this email', [
        { field: 'body.email', code: 'email_taken', message: 'already taken' },
      ]);
    const storeIds = storesFor(db, input.role, input.storeIds);
    const user = insertUser(
      db,
      {
        id: `us-${randomUUID()}`,
        email: input.email,
        name: input.name,
        passwordHash,
        role: input.role,
        storeIds,
      },
      at,
    );
    audit(db, actor, 'user.create', user.id, { role: user.role, stores: storeIds.length }, at);
    return user;
  })();
}

export async function patchUser(
  db: Db,
  id: string,
  patch: UserPatch,
  actor: Principal,
  now: Date,
  scryptCost: number,
): Promise<UserRecord> {
  const passwordHash =
    patch.password === undefined ? undefined : await hashPassword(patch.password, scryptCost);
  const at = now.toISOString();
  return db.transaction(() => {
    const current = findUser(db, id);
    if (!current) throw notFound(id);
    if (patch.version !== current.version) {
      throw new ServiceError(
        'conflict',
        `The user was changed by someone else (version ${current.version}). Reload and apply your change again.`,
        [
          {
            field: 'body.version',
            code: 'stale_version',
            message:
              patch.version === undefined
                ? `required: the current version is ${current.version}`
                : `stale: the current version is ${current.version}`,
          },
        ],
        { currentVersion: current.version },
      );
    }
    const role = patch.role ?? current.role;
    const active = patch.active ?? current.active;
    if (
      current.role === 'owner' &&
      current.active &&
      (role !== 'owner' || !active) &&
      countOtherActiveOwners(db, id) === 0
    ) {
      throw new ServiceError('invalid', `${LAST_OWNER}, then change this account`, [
        {
          field: patch.role !== undefined && role !== 'owner' ? 'body.role' : 'body.active',
          code: 'last_owner',
          message: 'the last active owner',
        },
      ]);
    }
    const storesChange = patch.storeIds !== undefined || patch.role !== undefined;
    const storeIds = storesChange
      ? storesFor(db, role, patch.storeIds ?? current.storeIds)
      : current.storeIds;

    updateUser(
      db,
      id,
      { name: patch.name, role: patch.role, active: patch.active, passwordHash },
      at,
    );
    if (storesChange) setUserStores(db, id, storeIds);
    // A deactivated user or a reset password must not keep a session a thief may hold.
    if (!active || passwordHash !== undefined) deleteUserSessions(db, id);

    const changed = (['name', 'role', 'storeIds', 'active', 'password'] as const).filter(
      (field) => patch[field] !== undefined,
    );
    audit(
      db,
      actor,
      'user.update',
      id,
      {
        fields: changed,
        ...(patch.role !== undefined ? { role } : {}),
        ...(patch.active !== undefined ? { active } : {}),
      },
      at,
    );
    return findUser(db, id)!;
  })();
}

export function removeUser(db: Db, id: string, actor: Principal, now: Date): void {
  db.transaction(() => {
    const current = findUser(db, id);
    if (!current) throw notFound(id);
    if (current.role === 'owner' && current.active && countOtherActiveOwners(db, id) === 0)
      throw new ServiceError('invalid', `${LAST_OWNER}, then delete this account`, [
        { field: 'params.id', code: 'last_owner', message: 'the last active owner' },
      ]);
    deleteUser(db, id);
    audit(db, actor, 'user.delete', id, { role: current.role }, now.toISOString());
  })();
}
