// The version reader behind the offer engine's and the token cache's freshness: a write on this connection is seen at
// once (triggers included), another connection's commit once OTHER_WRITERS_CHECK_MS has passed, and nothing else
// moves the answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../server/db/connection.js';
import { OTHER_WRITERS_CHECK_MS, versionReader } from '../../server/db/version-reader.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
let db: Db;
let other: Db;
let clockMs: number;

beforeEach(() => {
  temp = tempDatabase('version');
  db = temp.db;
  other = openDatabase(temp.file);
  clockMs = 1_000;
});
afterEach(() => {
  closeDatabase(other);
  temp.close();
});

const stored = (on: Db) =>
  on.prepare('SELECT n FROM token_data_version WHERE id = 1').pluck().get() as number;
const revokeAll = (on: Db) => on.prepare("UPDATE api_tokens SET revoked_at = 'x'").run();

function insertToken(on: Db, id: string) {
  on.prepare(
    `INSERT INTO api_tokens (id, name, token_hash, prefix, scopes, created_by, created_at) VALUES (?, ?, ?, 'ct_', '["areas:read"]', NULL, 'now')`,
  ).run(id, id, `hash-${id}`);
}

describe('versionReader', () => {
  it('answers the stored version, and sees a change on its own connection at once, trigger writes included', () => {
    const tokenDataVersion = versionReader(db, 'token_data_version', () => clockMs);
    expect(tokenDataVersion()).toBe(stored(db));
    insertToken(db, 'tk-1');
    const before = tokenDataVersion();
    // Revoking moves token_data_version through a trigger, not through the statement itself.
    revokeAll(db);
    expect(stored(db)).toBeGreaterThan(before);
    expect(tokenDataVersion()).toBe(stored(db));
  });

  it('sees another connection’s commit only after OTHER_WRITERS_CHECK_MS, then at once', () => {
    const tokenDataVersion = versionReader(db, 'token_data_version', () => clockMs);
    insertToken(db, 'tk-1');
    const before = tokenDataVersion();
    revokeAll(other);
    expect(stored(db)).toBeGreaterThan(before);
    clockMs += OTHER_WRITERS_CHECK_MS - 1;
    expect(tokenDataVersion()).toBe(before);
    clockMs += 1;
    expect(tokenDataVersion()).toBe(stored(db));
  });

  it('is not moved by writes to other tables, on either connection', () => {
    const offerDataVersion = versionReader(db, 'offer_data_version', () => clockMs);
    const before = offerDataVersion();
    insertToken(db, 'tk-1');
    insertToken(other, 'tk-2');
    clockMs += OTHER_WRITERS_CHECK_MS;
    expect(offerDataVersion()).toBe(before);
    expect(db.prepare('SELECT n FROM offer_data_version WHERE id = 1').pluck().get()).toBe(before);
  });
});
