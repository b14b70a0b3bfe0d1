import { describe, expect, it } from 'vitest';
import { contentTypeFor, XLSX_TYPE } from '../../client/api/imports';
import { progressFraction, progressLines } from '../../client/features/import/progress';
import {
  importSummary,
  rejectedCsv,
  reportFromJob,
  reportFromResult,
} from '../../client/features/import/report';
import { formatBytes, formatTimeLeft } from '../../client/i18n/format';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import { createTranslator } from '../../client/i18n/translate';
import type { ImportJob } from '../../server/domain/schemas/import';

const t = createTranslator('en', en);
const tDe = createTranslator('de', de);

const job: ImportJob = {
  id: 'job-1',
  kind: 'customers',
  mode: 'lenient',
  state: 'running',
  rowsDone: 12_345,
  bytesDone: 3_400_000,
  bytesTotal: 10_000_000,
  etaSeconds: 150,
  inserted: 12_000,
  updated: 300,
  rejected: 45,
  needsPlace: 0,
  geocoding: 0,
  error: null,
  firstRejected: [],
  createdAt: '2026-12-07T05:00:00Z',
  updatedAt: '2026-12-07T05:01:00Z',
};

describe('the progress of an import job', () => {
  it('shows rows, bytes and the time left in the reader’s language', () => {
    expect(progressLines(job, t, 'en')).toEqual([
      '12,345 rows',
      '3.4 MB of 10 MB',
      'Done in 3 minutes',
    ]);
    expect(progressLines(job, tDe, 'de')).toEqual([
      '12.345 Zeilen',
      '3,4 MB von 10 MB',
      'Fertig in 3 Minuten',
    ]);
  });

  it('says a queued job waits, and leaves the time out when the server does not know it', () => {
    expect(progressLines({ ...job, state: 'queued', rowsDone: 0, bytesDone: 0 }, t, 'en')).toEqual([
      '0 rows',
      '0 byte of 10 MB',
      'Waiting to start',
    ]);
    expect(progressLines({ ...job, etaSeconds: null, rowsDone: 1 }, t, 'en')).toEqual([
      '1 row',
      '3.4 MB of 10 MB',
    ]);
  });

  it('measures progress by the bytes read, full once done, unknown without a size', () => {
    expect(progressFraction(job)).toBeCloseTo(0.34);
    expect(progressFraction({ ...job, state: 'done', bytesDone: 5 })).toBe(1);
    expect(progressFraction({ ...job, bytesTotal: 0 })).toBeNull();
  });

  it('rounds time left to a unit read at a glance', () => {
    expect(formatTimeLeft('en', 20)).toBe('in 20 seconds');
    expect(formatTimeLeft('en', 89)).toBe('in 1 minute');
    expect(formatTimeLeft('en', 5400)).toBe('in 1.5 hours');
    expect(formatBytes('en', 999)).toBe('999 byte');
    expect(formatBytes('en', 1_250_000_000)).toBe('1.3 GB');
  });
});

describe('the import report', () => {
  const result = {
    inserted: 2,
    updated: 1,
    needsPlace: 0,
    geocoding: 0,
    rejected: [
      { row: 4, errors: [{ field: 'email', message: 'not an email address' }] },
      {
        row: 7,
        errors: [
          { field: 'lat', message: 'latitude out of range, "91"' },
          { field: 'gender', message: '=HYPERLINK("x") is not a gender' },
        ],
      },
    ],
    warnings: [],
  };

  it('the toast says what was added and updated, and rejected rows when there are any', () => {
    expect(
      importSummary(reportFromResult('customers', 'k.csv', { ...result, rejected: [] }), t),
    ).toBe('2 added, 1 updated');
    expect(importSummary(reportFromResult('customers', 'k.csv', result), t)).toBe(
      '2 added, 1 updated, 2 rejected',
    );
    const waiting = { ...result, rejected: [], needsPlace: 3, geocoding: 1 };
    expect(importSummary(reportFromResult('customers', 'k.csv', waiting), t)).toBe(
      '2 added, 1 updated, 1 being looked up by address, 3 need a place',
    );
    expect(importSummary(reportFromResult('customers', 'k.csv', waiting), tDe)).toBe(
      '2 hinzugefügt, 1 aktualisiert, 1 wird über die Adresse gesucht, 3 ohne Ort',
    );
    expect(importSummary(reportFromJob('k.csv', job), tDe)).toBe(
      '12.000 hinzugefügt, 300 aktualisiert, 45 abgelehnt',
    );
  });

  it('a small file’s rejected rows download as CSV, one line per problem, safe to open in a spreadsheet', () => {
    expect(rejectedCsv(result.rejected)).toBe(
      'row,field,message\r\n' +
        '4,email,not an email address\r\n' +
        '7,lat,"latitude out of range, ""91"""\r\n' +
        '7,gender,"\'=HYPERLINK(""x"") is not a gender"\r\n',
    );
    expect(rejectedCsv([])).toBe('row,field,message\r\n');
  });

  it('a finished job reports its counts and its first rejected rows, the rest in the server’s rejected.csv', () => {
    const firstRejected = [{ row: 12, errors: [{ field: 'lat', message: 'not a number' }] }];
    expect(reportFromJob('k.csv', { ...job, state: 'done', firstRejected })).toMatchObject({
      kind: 'customers',
      state: 'done',
      inserted: 12_000,
      updated: 300,
      rejectedCount: 45,
      rejected: firstRejected,
      jobId: 'job-1',
    });
  });
});

describe('sending a file', () => {
  it('names its type from the extension first, whatever the browser guessed', () => {
    expect(contentTypeFor('Kunden.CSV', 'application/vnd.ms-excel')).toBe('text/csv');
    expect(contentTypeFor('kieze.geojson', '')).toBe('application/geo+json');
    expect(contentTypeFor('Filialen.xlsx', '')).toBe(XLSX_TYPE);
    expect(contentTypeFor('export', 'application/json')).toBe('application/geo+json');
    expect(contentTypeFor('export', '')).toBe('text/csv');
  });
});
