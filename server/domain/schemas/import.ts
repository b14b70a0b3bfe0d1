// Importing a business's own files (customers, stores, neighbourhoods, purchases): the preview with its guessed
// mapping, saved mappings, the small-file report and the job a large file runs as. Shared by the routes and the client.
import { z } from 'zod';

export const importKinds = ['customers', 'stores', 'boundaries', 'purchases'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importKind = z.enum(importKinds);

export const importModes = ['lenient', 'strict'] as const;
export type ImportMode = (typeof importModes)[number];

export const importFormats = ['csv', 'xlsx', 'geojson'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The date formats a column can be read in; null lets the server detect it. */
export const dateFormats = ['iso', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof dateFormats)[number];

export const fieldTypes = [
  'string',
  'number',
  'integer',
  'boolean',
  'date',
  'enum',
  'list',
  'coordinates',
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** One field a kind takes: its name, whether a row needs it, its type and (for enums) its canonical values. */
export const importField = z.object({
  name: z.string(),
  required: z.boolean(),
  type: z.enum(fieldTypes),
  values: z.array(z.string()).optional(),
});

/** How a file's columns and values become our fields. */
export const importMapping = z
  .object({
    columns: z
      .record(z.string(), z.string().nullable())
      .meta({ description: 'header → field, null to ignore the column' }),
    values: z
      .record(z.string(), z.record(z.string(), z.string()))
      .meta({ description: 'field → raw value → canonical value (enumerations)' }),
    dateFormat: z.enum(dateFormats).nullable(),
  })
  .meta({ id: 'ImportMapping' });

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
    rows: z.array(z.array(z.string())).meta({ description: 'the first 20 rows' }),
    mapping: importMapping,
    savedMappingId: z.string().nullable(),
    fields: z.array(importField),
    warnings: z.array(importWarning),
  })
  .meta({ id: 'ImportPreview' });

export const mappingCreate = z
  .object({ kind: importKind, headers: z.array(z.string()), mapping: importMapping })
  .meta({ id: 'ImportMappingCreate' });
export const mappingCreated = z.object({ id: z.string() });

export const rejectedRow = z.object({
  row: z.number().int(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** What a small file's import answers (200). */
export const importResult = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int(),
    rejected: z.array(rejectedRow),
    warnings: z.array(importWarning),
  })
  .meta({ id: 'ImportResult' });

export const jobStates = [
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type JobState = (typeof jobStates)[number];

/** A large file's import, run in the background (202 with Location /api/import/jobs/{id}). */
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
    error: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ImportJob' });

export const importJobList = z.object({ jobs: z.array(importJob) });

export type ImportField = z.infer<typeof importField>;
export type ImportMapping = z.infer<typeof importMapping>;
export type ImportWarning = z.infer<typeof importWarning>;
export type ImportPreview = z.infer<typeof importPreview>;
export type MappingCreate = z.infer<typeof mappingCreate>;
export type RejectedRow = z.infer<typeof rejectedRow>;
export type ImportResult = z.infer<typeof importResult>;
export type ImportJob = z.infer<typeof importJob>;
export type ImportJobList = z.infer<typeof importJobList>;
