// Password hashing with scrypt from Node's own crypto (memory-hard; no native add-on to build), in the format
// scrypt$N$r$p$salt$hash so the cost can be changed (CATCHMENT_SCRYPT_COST) without breaking stored hashes.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost as log2 of N. 15 (N = 32768: 32 MiB and ~130 ms a hash) for every real server; test runs lower it,
 * as Django's test settings swap in a fast hasher, since each sign-in of a test costs two hashes.
 */
export const SCRYPT_COST = { default: 15, min: 10, max: 20 } as const;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_LENGTH = 32;

function derive(
  password: string,
  salt: Buffer,
  options: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      // scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told, so allow twice that for headroom.
      { ...options, maxmem: 2 * 128 * options.N * options.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** A new salted hash at 2^scryptCost iterations (SCRYPT_COST.default unless the configuration says otherwise). */
export async function hashPassword(password: string, scryptCost: number): Promise<string> {
  const N = 2 ** scryptCost;
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: BLOCK_SIZE, p: PARALLEL });
  return [
    'scrypt',
    N,
    BLOCK_SIZE,
    PARALLEL,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Constant-time comparison at the cost the stored hash names; false (never a throw) for a malformed one. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  // A damaged row must not make the server try to allocate gigabytes.
  if (!(Number(n) <= 2 ** SCRYPT_COST.max)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  }).catch(() => null);
  return key !== null && key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash to check against when the email is unknown, so a wrong email takes as long as a wrong password: at the
 * cost new hashes get, which is the cost of nearly every stored one.
 */
export function unknownUserHash(scryptCost: number): string {
  return `scrypt$${2 ** scryptCost}$${BLOCK_SIZE}$${PARALLEL}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}
