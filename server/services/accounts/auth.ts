// Signing in and out, sessions (idle and absolute expiry, a fresh id at every sign-in and password change), API
// tokens, and the first owner account.
import { hash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { memoised } from '../../domain/memo.js';
import { recordAudit } from '../../db/repos/audit.js';
import { versionReader } from '../../db/version-reader.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
} from '../../db/repos/sessions.js';
import { findTokenByHash, touchToken } from '../../db/repos/tokens.js';
import {
  countUsers,
  findUser,
  findUserByEmail,
  insertUser,
  updateUser,
  type UserRecord,
} from '../../db/repos/users.js';
import {
  customerAccessByRole,
  rolePermissions,
  tokenPermissions,
  type Principal,
} from '../../domain/permissions.js';
import { hashPassword, unknownUserHash, verifyPassword } from './passwords.js';
import { sessionCacheOf } from './session-cache.js';

export const SESSION_COOKIE = 'catchment_session';
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;
export const TOKEN_PREFIX = 'ctk_';
const DEFAULT_OWNER_EMAIL = 'owner@catchment.local';

/**
 * Session ids and tokens are stored as this hash only, and looked up by it. The lookup is an index search on the
 * hash of a 256-bit random secret, so its timing tells an attacker nothing about any stored secret (they cannot
 * choose hash prefixes); no compare of secret bytes happens in our code. Passwords, which people choose, are
 * compared with timingSafeEqual (passwords.ts).
 */
export function secretHash(secret: string): string {
  // The one-shot hash: no Hash object per request.
  return hash('sha256', secret, 'hex');
}

/**
 * secretHash for the secrets requests present, kept per secret: every request of a session or till presents the same
 * one, and hashing it was a tenth of a cached list's CPU (issue 21). The same secrets sit in this process's memory
 * during each request anyway.
 */
const presentedSecretHash = memoised(secretHash, 10_000);

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function userPrincipal(user: UserRecord): Principal {
  return {
    kind: 'user',
    id: user.id,
    label: user.email,
    role: user.role,
    permissions: rolePermissions[user.role],
    customerAccess: customerAccessByRole[user.role],
    storeIds: user.role === 'store_manager' ? user.storeIds : [],
  };
}

/** Starts a session for the user; returns the session id for the cookie. Any session the browser had is ended. */
export function startSession(
  db: Db,
  userId: string,
  now: Date,
  previousSessionId: string | null,
): string {
  const id = newSecret();
  const at = now.toISOString();
  db.transaction(() => {
    if (previousSessionId) deleteSession(db, secretHash(previousSessionId));
    insertSession(db, {
      idHash: secretHash(id),
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    });
  })();
  return id;
}

/**
 * Deletes the sessions that can no longer sign anyone in (past their absolute expiry, or idle for SESSION_IDLE_MS):
 * resolving one already refuses it, this takes its row away. Returns how many went.
 */
export function purgeExpiredSessions(db: Db, now: Date): number {
  return deleteExpiredSessions(
    db,
    now.toISOString(),
    new Date(now.getTime() - SESSION_IDLE_MS).toISOString(),
  );
}

/**
 * The active user with this email and password, or null; as slow for an unknown email as for a wrong password (a
 * dummy hash at the configured scrypt cost, the one the stored hashes were made with).
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  scryptCost: number,
): Promise<UserRecord | null> {
  const user = findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? unknownUserHash(scryptCost));
  return ok && user?.active ? user : null;
}

/**
 * The signed-in user of a session id, or null when it is unknown, expired (idle or absolute) or the user is inactive.
 * Answered from the session cache while its copy is neither expired nor due a touch; anything else reads the rows.
 */
export function sessionUser(db: Db, sessionId: string, now: Date): UserRecord | null {
  const idHash = presentedSecretHash(sessionId);
  const cache = sessionCacheOf(db);
  const t = now.getTime();
  const kept = cache.get(idHash);
  // Under a minute since the last touch is also far inside the idle limit.
  if (kept && t < kept.expiresMs && t - kept.lastSeenMs < TOUCH_EVERY_MS) return kept.user;
  cache.delete(idHash);
  const session = findSession(db, idHash);
  if (!session) return null;
  const expiresMs = Date.parse(session.expiresAt);
  let lastSeenMs = Date.parse(session.lastSeenAt);
  if (expiresMs <= t || lastSeenMs + SESSION_IDLE_MS <= t) {
    deleteSession(db, idHash);
    return null;
  }
  const user = findUser(db, session.userId);
  if (!user?.active) return null;
  if (t - lastSeenMs >= TOUCH_EVERY_MS) {
    touchSession(db, idHash, now.toISOString());
    lastSeenMs = t;
  }
  cache.set(idHash, { user, expiresMs, lastSeenMs });
  return user;
}

export function endSession(db: Db, sessionId: string): void {
  deleteSession(db, secretHash(sessionId));
}

interface CachedToken {
  principal: Principal;
  lastUsedMs: number | null;
}

/**
 * Per database: the principals of the tokens seen since token_data_version last moved (migration 009 moves it on any
 * revoke, re-scope, rename or delete; a commit by another process is seen within OTHER_WRITERS_CHECK_MS), so a till's
 * request costs one hash instead of reading the token row. Unknown tokens are not cached; the map is dropped whole
 * when it grows past TOKEN_CACHE_MAX.
 */
const tokenCaches = new WeakMap<
  Db,
  { tokenDataVersion: () => number; version: number; byHash: Map<string, CachedToken> }
>();
const TOKEN_CACHE_MAX = 10_000;

function tokenCacheOf(db: Db) {
  let cache = tokenCaches.get(db);
  if (!cache)
    tokenCaches.set(
      db,
      (cache = {
        tokenDataVersion: versionReader(db, 'token_data_version'),
        version: -1,
        byHash: new Map(),
      }),
    );
  return cache;
}

/** The principal of an API token, or null when it is unknown or revoked. */
export function tokenPrincipal(db: Db, token: string, now: Date): Principal | null {
  const cache = tokenCacheOf(db);
  const version = cache.tokenDataVersion();
  if (version !== cache.version || cache.byHash.size >= TOKEN_CACHE_MAX) {
    cache.byHash.clear();
    cache.version = version;
  }
  const hash = presentedSecretHash(token);
  let entry = cache.byHash.get(hash);
  if (!entry) {
    const record = findTokenByHash(db, hash);
    if (!record || record.revokedAt) return null;
    const principal: Principal = {
      kind: 'token',
      id: record.id,
      label: `token ${record.name}`,
      role: null,
      permissions: tokenPermissions(record.scopes),
      customerAccess: 'aggregate',
      storeIds: [],
    };
    entry = {
      principal: Object.freeze(principal),
      lastUsedMs: record.lastUsedAt ? Date.parse(record.lastUsedAt) : null,
    };
    cache.byHash.set(hash, entry);
  }
  if (entry.lastUsedMs === null || now.getTime() - entry.lastUsedMs >= TOUCH_EVERY_MS) {
    touchToken(db, entry.principal.id, now.toISOString());
    entry.lastUsedMs = now.getTime();
  }
  return entry.principal;
}

/**
 * Changes a user's password after checking the current one; signs them out everywhere else and returns a new
 * session id for this browser. Null when the current password is wrong.
 */
export async function changePassword(
  db: Db,
  user: UserRecord,
  current: string,
  next: string,
  now: Date,
  sessionId: string,
  scryptCost: number,
): Promise<string | null> {
  if (!(await verifyPassword(current, user.passwordHash))) return null;
  const passwordHash = await hashPassword(next, scryptCost);
  return db.transaction(() => {
    updateUser(db, user.id, { passwordHash }, now.toISOString());
    deleteUserSessions(db, user.id);
    recordAudit(db, {
      at: now.toISOString(),
      actorId: user.id,
      actor: user.email,
      action: 'user.password',
      targetType: 'user',
      targetId: user.id,
      detail: {},
    });
    return startSession(db, user.id, now, sessionId);
  })();
}

/**
 * Creates the first owner when there are no users: from CATCHMENT_ADMIN_EMAIL / CATCHMENT_ADMIN_PASSWORD, or with a
 * generated password handed to `announce` once (it goes to the terminal, never to the log).
 */
export async function ensureFirstOwner(
  db: Db,
  admin: { email: string | null; password: string | null; scryptCost: number },
  now: Date,
  announce: (text: string) => void,
): Promise<void> {
  if (countUsers(db) > 0) return;
  const email = admin.email ?? DEFAULT_OWNER_EMAIL;
  const password = admin.password ?? randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password, admin.scryptCost);
  const at = now.toISOString();
  db.transaction(() => {
    if (countUsers(db) > 0) return;
    const user = insertUser(
      db,
      { id: `us-${randomUUID()}`, email, name: 'Owner', passwordHash, role: 'owner', storeIds: [] },
      at,
    );
    recordAudit(db, {
      at,
      actorId: null,
      actor: 'system',
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      detail: { role: 'owner', firstOwner: true },
    });
  })();
  if (!admin.password)
    announce(
      `First owner account: ${email}\nPassword: ${password}\nShown only this once: sign in and change it (user menu → Change password).`,
    );
}
