// The import routes' shapes, shared by the routes and the client: kinds and modes, the preview with its guessed
// mapping, saved mappings, the small-file report and the job a large file runs as (issue 16).
import { z } from 'zod';
import { fieldTypes, importKinds, type FieldType, type ImportKind } from '../import/fields.js';
import { fieldError } from './problem.js';

export { fieldTypes, importKinds, type FieldType, type ImportKind };
export const importModes = ['lenient', 'strict'] as const;
export type ImportMode = (typeof importModes)[number];
export const importFormats = ['csv', 'xlsx', 'geojson'] as const;
export type ImportFormat = (typeof importFormats)[number];
/** The date formats a column can be read in; null lets the server detect it. */
export const dateFormats = ['iso', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof dateFormats)[number];
export const jobStates = [
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type JobState = (typeof jobStates)[number];

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What an import body may be sent as; application/json is read as GeoJSON. */
export const importMediaTypes = [
  'text/csv',
  XLSX_MEDIA_TYPE,
  'application/geo+json',
  'application/json',
];

export const importKind = z.enum(importKinds);
export const importKindParam = z.object({
  kind: importKind.meta({ param: { name: 'kind', in: 'path' } }),
});

const sheet = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .meta({
    param: { name: 'sheet', in: 'query' },
    description: 'XLSX: the sheet to read (default: the first)',
  });

export const importPreviewQuery = z.object({ sheet });
export const importQuery = z.object({
  mode: z
    .enum(importModes)
    .default('lenient')
    .meta({
      param: { name: 'mode', in: 'query' },
      description:
        'lenient: apply the good rows and list the bad ones; strict: apply nothing when any row is bad',
    }),
  mappingId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({
      param: { name: 'mappingId', in: 'query' },
      description: 'A saved mapping; by default the one saved for this header set, else a guess',
    }),
  sheet,
});

export const importMapping = z
  .strictObject({
    columns: z.record(z.string().max(500), z.string().max(100).nullable()),
    values: z
      .record(z.string().max(100), z.record(z.string().max(500), z.string().max(100)))
      .default({}),
    dateFormat: z.enum(dateFormats).nullable().default(null),
  })
  .meta({ id: 'ImportMapping' });

export const mappingCreated = z.object({ id: z.string() }).meta({ id: 'ImportMappingCreated' });

export const importMappingCreate = z
  .strictObject({
    kind: importKind,
    headers: z.array(z.string().max(500)).min(1).max(1000),
    mapping: importMapping,
  })
  .meta({ id: 'ImportMappingCreate' });

/** One field a kind takes: its name, whether a row needs it, its type and (for enums) its canonical values. */
export const importField = z.object({
  name: z.string(),
  required: z.boolean(),
  type: z.enum(fieldTypes),
  values: z.array(z.string()).optional(),
});

export const importWarning = z.object({
  code: z.string(),
  message: z.string(),
  column: z.string().optional(),
});

export const importPreview = z
  .object({
    format: z.enum(importFormats),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    sheets: z.array(z.string()).optional(),
    headers: z.array(z.string()),
    rows: z.array(z.array(z.string())).meta({ description: 'The first 20 rows' }),
    mapping: importMapping,
    savedMappingId: z.string().nullable(),
    fields: z.array(importField),
    warnings: z.array(importWarning),
  })
  .meta({ id: 'ImportPreview' });

export const importRejectedRow = z.object({ row: z.number().int(), errors: z.array(fieldError) });

export const importResult = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int(),
    rejected: z.array(importRejectedRow),
    /** Rows with an address but no coordinates, not yet placed: listed under GET /api/import/unplaced. */
    needsPlace: z.number().int(),
    /** Of the rows without coordinates, how many the geocoder is still looking up. */
    geocoding: z.number().int(),
    warnings: z.array(importWarning),
  })
  .meta({ id: 'ImportResult' });

export const importJob = z
  .object({
    id: z.string(),
    kind: importKind,
    mode: z.enum(importModes),
    state: z.enum(jobStates),
    rowsDone: z.number().int(),
    bytesDone: z.number().int(),
    bytesTotal: z.number().int(),
    etaSeconds: z.number().nullable(),
    inserted: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    needsPlace: z.number().int(),
    geocoding: z.number().int(),
    error: z.string().nullable(),
    firstRejected: z.array(importRejectedRow).meta({
      description:
        'A finished job: its first rejected rows (up to 10) with their reasons; all of them are in rejected.csv',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ImportJob' });

export const importJobList = z.object({ jobs: z.array(importJob) }).meta({ id: 'ImportJobList' });

export type ImportMappingBody = z.infer<typeof importMapping>;
export type ImportField = z.infer<typeof importField>;
/** A mapping as the screen edits it (values and dateFormat may be left out when sent). */
export type ImportMapping = z.infer<typeof importMapping>;
export type ImportWarning = z.infer<typeof importWarning>;
export type ImportPreview = z.infer<typeof importPreview>;
export type MappingCreate = z.input<typeof importMappingCreate>;
export type RejectedRow = z.infer<typeof importRejectedRow>;
export type ImportResult = z.infer<typeof importResult>;
export type ImportJob = z.infer<typeof importJob>;
export type ImportJobList = z.infer<typeof importJobList>;
