// RFC 9457 problem details: the shape of every API error, shared by the server and the client.
import { z } from 'zod';

export const fieldError = z.object({
  field: z.string().meta({
    description: 'Where the problem is: `query.bbox`, `body.location.coordinates.0`, `params.id`…',
  }),
  message: z.string().meta({ description: 'The rule in English, for people reading the API' }),
  code: z
    .string()
    .optional()
    .meta({
      description:
        "Which rule failed, stable for clients to word in the viewer's language: zod's issue code (`too_small`, " +
        '`too_big`, `invalid_format`, `invalid_type`, `invalid_value`…) or our own (`duplicate_area`, `code_taken`, ' +
        "`id_taken`, `stale_version`, `not_found`, `url_refused`, `no_route`, an imported cell's `not_a_number`…). " +
        'Every field error the server sends has one',
    }),
  origin: z.string().optional().meta({
    description:
      'For `too_small` and `too_big`: what was measured (`string` length, `number`, `array` items)',
  }),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  exclusive: z
    .boolean()
    .optional()
    .meta({ description: 'True when the limit itself is not allowed' }),
  format: z.string().optional().meta({
    description: 'For `invalid_format`: the format expected (`email`, `datetime`, `regex`…)',
  }),
  value: z.string().optional().meta({
    description:
      'The value refused, cut to 40 characters, where a message quotes it (an imported cell: `not_a_number`…)',
  }),
  options: z
    .array(z.string())
    .optional()
    .meta({ description: 'For `not_one_of`: the values allowed' }),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(fieldError).optional(),
    code: z
      .string()
      .optional()
      .meta({
        description:
          "Which failure this is, stable for clients to word in the viewer's language where no single field error " +
          'says it: `routing_unavailable`, `routing_timeout`, `routing_failed`, `no_street_network`, `busy` (with ' +
          '`retryAfterSeconds`), `rate_limited` (with `retryAfterSeconds`), `shutting_down` (with `retryAfterSeconds`: ' +
          'the server is going away; ask again, maybe another one answers), `not_owner`, `report_unavailable`, ' +
          '`internal`. `detail` is its English wording, for people reading the API and for codes a client does not know',
      }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; `errors` names each bad field' });

export type FieldError = z.infer<typeof fieldError>;
/** A field error as the server builds it: always with its rule's `code`, so no client has to show the English. */
export type CodedFieldError = FieldError & { code: string };
export type Problem = z.infer<typeof problemSchema>;

/**
 * A zod issue as a field error under `target` (`body`, `query`…), with its rule and limits so a client can word it.
 * A custom issue names its rule in `params.code` (see campaignIssues).
 * @example fieldErrorFromIssue({ code: 'too_small', origin: 'array', minimum: 1, path: ['areaIds'], message: 'at least one area', input: [] }, 'body')
 * // { field: 'body.areaIds', message: 'at least one area', code: 'too_small', origin: 'array', minimum: 1 }
 */
export function fieldErrorFromIssue(issue: z.core.$ZodIssue, target: string): CodedFieldError {
  const error: CodedFieldError = {
    field: [target, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  };
  if (issue.code === 'custom' && typeof issue.params?.code === 'string')
    error.code = issue.params.code;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    error.origin = issue.origin;
    if (issue.inclusive === false) error.exclusive = true;
  }
  if (issue.code === 'too_small') error.minimum = Number(issue.minimum);
  if (issue.code === 'too_big') error.maximum = Number(issue.maximum);
  if (issue.code === 'invalid_format') error.format = issue.format;
  return error;
}
