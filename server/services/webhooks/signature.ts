// Webhook signatures, Stripe-style: `Catchment-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
// The timestamp is inside the signed text, so a captured delivery replayed later fails the receiver's tolerance check
// (an HMAC over the body alone would verify forever); `v1` leaves room for a new scheme next to the old one.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Catchment-Signature';

/** @example signatureHeader('s3cret', '{"type":"ping"}', 1767225600) // 't=1767225600,v1=5f1c…' */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type VerifyResult =
  { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * What a receiver does with a delivery: parse the header, reject a timestamp more than `toleranceSeconds` away from
 * `now`, and compare the HMAC in constant time against every `v1` in the header.
 * @example verifySignature(secret, request.headers['catchment-signature'], rawBody, new Date(), 300)
 */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): VerifyResult {
  if (!header) return { ok: false, reason: 'malformed' };
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const candidates = parts
    .filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v))
    .map(([, v]) => v!);
  if (!t || !/^\d{1,12}$/.test(t) || candidates.length === 0)
    return { ok: false, reason: 'malformed' };
  const timestamp = Number(t);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds)
    return { ok: false, reason: 'stale' };
  const expected = Buffer.from(
    createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'),
    'hex',
  );
  const match = candidates.some((hex) => timingSafeEqual(Buffer.from(hex, 'hex'), expected));
  return match ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
