// RFC 9457 problem details: the shape of every API error, shared by the server and the client.
import { z } from 'zod';

export const fieldError = z.object({
  field: z.string().meta({
    description: 'Where the problem is: `query.bbox`, `body.location.coordinates.0`, `params.id`…',
  }),
  message: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(fieldError).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; `errors` names each bad field' });

export type FieldError = z.infer<typeof fieldError>;
export type Problem = z.infer<typeof problemSchema>;
