// Opaque pagination cursors: a position in a keyset, encoded so clients do not build them by hand. Domain, not http:
// the customer pages are serialised with their cursor in a worker (services), and the routes decode it.

/** @example encodeCursor(1200) // 'c1200' base64url-encoded */
export function encodeCursor(lastSeq: number): string {
  return Buffer.from(`c${lastSeq}`, 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
): { ok: true; lastSeq: number } | { ok: false; reason: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^c(\d{1,15})$/.exec(text);
  if (!match)
    return {
      ok: false,
      reason: 'cursor is not one this API issued; pass nextCursor back unchanged',
    };
  return { ok: true, lastSeq: Number(match[1]) };
}
