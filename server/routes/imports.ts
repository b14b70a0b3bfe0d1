// /api/import: preview a file with a guessed or saved mapping, save mappings, import (inline or as a job), and the
// jobs: progress, cancel, resume and the rejected rows as CSV. The body is the file itself, streamed to the jobs folder.
import { createRoute, z } from '@hono/zod-openapi';
import { rmSync } from 'node:fs';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { receiveUpload } from '../http/upload.js';
import { idParam } from '../domain/schemas/params.js';
import {
  importJob,
  importJobList,
  importKindParam,
  importMappingCreate,
  importMediaTypes,
  importPreview,
  importPreviewQuery,
  importQuery,
  importResult,
} from '../domain/schemas/import.js';
import { problemBody, problemResponse } from '../http/problem.js';
import { rejectedRowsCsv } from '../services/imports/rejected-csv.js';

const tags = ['Imports'];
// Only the non-JSON types are declared: a declared JSON type would make the validator read the whole body into
// memory before the upload is streamed to disk. GeoJSON (application/geo+json or application/json) is taken all the same.
const fileBody = {
  description: `The file: ${importMediaTypes.join(', ')} (JSON types are read as a GeoJSON FeatureCollection)`,
  content: Object.fromEntries(
    importMediaTypes
      .filter((type) => !type.includes('json'))
      .map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }]),
  ),
};
const fileProblems = {
  413: { description: 'The file is over the size limit', content: problemContent },
  415: { description: 'Not CSV, XLSX or GeoJSON', content: problemContent },
  422: {
    description: 'The file cannot be read, or a required field has no column',
    content: problemContent,
  },
};

const preview = createRoute({
  method: 'post',
  path: '/api/import/{kind}/preview',
  tags,
  summary: 'Read the first rows of a file and guess (or reuse) its column mapping; writes nothing',
  request: { params: importKindParam, query: importPreviewQuery, body: fileBody },
  responses: {
    200: {
      description: 'Headers, first 20 rows, mapping, fields, warnings',
      content: json(importPreview),
    },
    ...fileProblems,
  },
});
const saveMapping = createRoute({
  method: 'post',
  path: '/api/import/mappings',
  tags,
  summary: 'Save a column mapping; it is reused for files with the same header set',
  request: { body: { required: true, content: json(importMappingCreate) } },
  responses: {
    201: { description: 'Saved', content: json(z.object({ id: z.string() })) },
    422: { description: 'Invalid fields', content: problemContent },
  },
});
const runImport = createRoute({
  method: 'post',
  path: '/api/import/{kind}',
  tags,
  summary:
    'Import a file: upsert by id; small files answer at once, larger ones run as a job (202)',
  description:
    'Rows are numbered as in the file (the header is row 1; GeoJSON: the feature number). Strict mode applies nothing when any row is bad and answers 422 with the rejected rows; lenient applies the good rows.',
  request: { params: importKindParam, query: importQuery, body: fileBody },
  responses: {
    200: { description: 'Imported', content: json(importResult) },
    202: { description: 'Running as a job; see Location', content: json(importJob) },
    ...fileProblems,
  },
});
const listJobs = createRoute({
  method: 'get',
  path: '/api/import/jobs',
  tags,
  summary: "The caller's recent import jobs, newest first",
  responses: { 200: { description: 'Jobs', content: json(importJobList) } },
});
const getJob = createRoute({
  method: 'get',
  path: '/api/import/jobs/{id}',
  tags,
  summary: 'An import job and its progress',
  request: { params: idParam },
  responses: {
    200: { description: 'The job', content: json(importJob) },
    404: { description: 'Unknown job', content: problemContent },
  },
});
const cancelJob = createRoute({
  method: 'delete',
  path: '/api/import/jobs/{id}',
  tags,
  summary:
    'Cancel a job (a lenient job keeps the batches it committed; a strict one leaves nothing)',
  request: { params: idParam },
  responses: {
    204: { description: 'Cancelled' },
    404: { description: 'Unknown job', content: problemContent },
  },
});
const rejectedCsv = createRoute({
  method: 'get',
  path: '/api/import/jobs/{id}/rejected.csv',
  tags,
  summary: "A job's rejected rows as CSV, with the row number and the reasons first",
  request: { params: idParam },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    404: { description: 'Unknown job', content: problemContent },
  },
});
const resumeJob = createRoute({
  method: 'post',
  path: '/api/import/jobs/{id}/resume',
  tags,
  summary: 'Continue an interrupted job after its last committed row (a strict job starts over)',
  request: { params: idParam },
  responses: {
    202: { description: 'Queued again', content: json(importJob) },
    404: { description: 'Unknown job', content: problemContent },
    409: { description: 'The job is not interrupted', content: problemContent },
  },
});

export function importRoutes({ imports }: AppDeps) {
  const caller = (c: { get(key: 'principal'): { id: string } | null }) =>
    c.get('principal')?.id ?? null;
  const upload = (c: Parameters<typeof receiveUpload>[0]) =>
    receiveUpload(c, imports.jobsDir, imports.limits.maxBytes);
  return createRouter()
    .openapi(listJobs, (c) => c.json({ jobs: imports.list(caller(c)) }, 200))
    .openapi(getJob, (c) => c.json(imports.get(c.req.valid('param').id, caller(c)), 200))
    .openapi(cancelJob, (c) => {
      imports.cancel(c.req.valid('param').id, caller(c));
      return c.body(null, 204);
    })
    .openapi(resumeJob, (c) => {
      const job = imports.resume(c.req.valid('param').id, caller(c), c.get('principal')?.label);
      return c.json(job, 202, { Location: `/api/import/jobs/${job.id}` });
    })
    .openapi(rejectedCsv, (c) => {
      const { id } = c.req.valid('param');
      const csv = rejectedRowsCsv(imports.rejects(id, caller(c)));
      // What the file holds: the kind and the day of the import, not the job's id.
      const job = imports.get(id, caller(c));
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="rejected-${job.kind}-${job.createdAt.slice(0, 10)}.csv"`,
      });
    })
    .openapi(saveMapping, (c) => {
      const { kind, headers, mapping } = c.req.valid('json');
      return c.json(imports.saveMapping(kind, headers, mapping), 201);
    })
    .openapi(preview, async (c) => {
      const { kind } = c.req.valid('param');
      const received = await upload(c);
      try {
        const answer = await imports.preview(
          kind,
          received.file,
          received.contentType,
          c.req.valid('query').sheet,
        );
        return c.json(answer, 200);
      } finally {
        rmSync(received.file, { force: true });
      }
    })
    .openapi(runImport, async (c) => {
      const { kind } = c.req.valid('param');
      const { mode, mappingId, sheet } = c.req.valid('query');
      const received = await upload(c);
      let started;
      try {
        started = await imports.start({
          kind,
          mode,
          mappingId,
          sheet,
          createdBy: caller(c),
          ...(c.get('principal') ? { actor: c.get('principal')!.label } : {}),
          ...received,
        });
      } catch (error) {
        rmSync(received.file, { force: true });
        throw error;
      }
      if (!started.inline)
        return c.json(started.job, 202, { Location: `/api/import/jobs/${started.job.id}` });
      const { inserted, updated, rejected, warnings, needsPlace, geocoding } = started;
      if (mode === 'strict' && rejected.length > 0)
        return problemResponse(
          c,
          problemBody(
            422,
            `${rejected.length} row${rejected.length === 1 ? ' is' : 's are'} invalid; in strict mode nothing was imported`,
            rejected.flatMap(({ row, errors }) =>
              // A job stored before rejected rows had codes keeps its English under `row_rejected`.
              errors.map((e) => ({
                code: 'row_rejected',
                ...e,
                field: `body.rows.${row}.${e.field}`,
              })),
            ),
            { inserted: 0, updated: 0, rejected, warnings, jobId: started.job.id },
          ),
        ) as never;
      return c.json({ inserted, updated, rejected, needsPlace, geocoding, warnings }, 200);
    });
}
