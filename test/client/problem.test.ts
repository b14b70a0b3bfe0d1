import { describe, expect, it } from 'vitest';
import {
  ProblemError,
  formatProblem,
  networkProblem,
  problemFromResponse,
} from '../../client/api/problem';
import { createTranslator } from '../../client/i18n/translate';
import { en } from '../../client/i18n/messages/en';

const t = createTranslator('en', en);

describe('problem+json on the client', () => {
  it('a problem+json answer keeps its title, detail and field errors', async () => {
    const body = {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'bbox is wrong',
      errors: [{ field: 'query.bbox', message: 'four numbers' }],
    };
    const error = await problemFromResponse(
      new Response(JSON.stringify(body), {
        status: 422,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(422);
    expect(formatProblem(error, t)).toEqual({
      title: 'Invalid input',
      detail: 'bbox is wrong',
      fields: [{ field: 'query.bbox', message: 'four numbers' }],
    });
  });

  it('an answer that is not problem+json still becomes a readable problem', async () => {
    const error = await problemFromResponse(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    expect(formatProblem(error, t)).toMatchObject({ title: 'Bad Gateway' });
    const bare = await problemFromResponse(new Response('', { status: 500 }));
    expect(formatProblem(bare, t).title).toBe('The server answered with an error (500)');
  });

  it('a network failure is explained in the user’s language', () => {
    expect(formatProblem(networkProblem(new TypeError('Failed to fetch')), t)).toEqual({
      title: 'Cannot reach the Catchment server',
      detail: 'Check that the server is running and your connection works, then try again.',
      fields: [],
    });
  });

  it('anything else is "something went wrong" with its message, never a stack', () => {
    const formatted = formatProblem(new Error('boom'), t);
    expect(formatted).toEqual({ title: 'Something went wrong', detail: 'boom', fields: [] });
  });
});
