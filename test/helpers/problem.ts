// Assertions for RFC 9457 problem+json answers.
import { expect } from 'vitest';

export async function expectProblem(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: { field: string; message: string; code?: string }[];
  };
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack traces
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
  return body;
}
