import { describe, expect, it } from 'vitest';
import {
  ProblemError,
  formatProblem,
  networkProblem,
  parseProblem,
  problemFromResponse,
} from '../../client/api/problem';
import { createTranslator } from '../../client/i18n/translate';
import { de as german } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import { he as hebrew } from '../../client/i18n/messages/he';

const t = createTranslator('en', en);
const de = createTranslator('de', german);
const he = createTranslator('he', hebrew);

describe('problem+json on the client', () => {
  it('a problem+json answer keeps its field errors; an uncoded detail stays the server’s words', async () => {
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
      title: 'Please check your input',
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
    expect(formatProblem(error, t)).toMatchObject({
      title: 'The server answered with an error (502)',
    });
    const bare = await problemFromResponse(new Response('', { status: 500 }));
    expect(formatProblem(bare, t).title).toBe('The server answered with an error (500)');
  });

  it('words the title by status and the detail by code in the viewer’s language, not the server’s English', async () => {
    const answer = (body: object) =>
      problemFromResponse(
        new Response(JSON.stringify(body), {
          status: (body as { status: number }).status,
          headers: { 'content-type': 'application/problem+json' },
        }),
      );
    const busy = await answer({
      type: 'about:blank',
      title: 'Service unavailable',
      status: 503,
      detail: 'The server is busy with imports: 2 running and 4 waiting. Try again in 3 s.',
      code: 'busy',
      retryAfterSeconds: 3,
    });
    expect(formatProblem(busy, de)).toMatchObject({
      title: 'Vorübergehend nicht verfügbar',
      detail: 'Der Server ist ausgelastet. Versuche es in 3 Sekunden noch einmal.',
    });
    expect(formatProblem(busy, he).detail).toBe('השרת עמוס. כדאי לנסות שוב בעוד 3 שניות.');
    // A server going away says so, with the wait it named.
    const leaving = await answer({
      type: 'about:blank',
      title: 'Service unavailable',
      status: 503,
      detail: 'The server is shutting down and takes no more heavy work. Try again in 2 s.',
      code: 'shutting_down',
      retryAfterSeconds: 2,
    });
    expect(formatProblem(leaving, de).detail).toBe(
      'Der Server startet gerade neu. Versuche es in 2 Sekunden noch einmal.',
    );
    expect(formatProblem(leaving, he).detail).toBe(
      'השרת מופעל מחדש. כדאי לנסות שוב בעוד שתי שניות.',
    );
    // One field error: the detail is that field's rule, worded from its code.
    const taken = await answer({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'An area with id a-1 already exists',
      errors: [{ field: 'body.id', code: 'id_taken', message: 'already taken' }],
    });
    expect(formatProblem(taken, de)).toMatchObject({
      title: 'Passt nicht zum gespeicherten Stand',
      detail: 'Diese ID ist schon vergeben.',
    });
    // Several: how many need a change (each is shown by its input).
    const two = await answer({
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'The campaign cannot be saved',
      errors: [
        { field: 'body.areaIds.0', code: 'unknown_area', message: 'no area' },
        { field: 'body.offer.code', code: 'code_taken', message: 'taken' },
      ],
    });
    expect(formatProblem(two, t).detail).toBe('2 fields need a change.');
    // A code this client does not know keeps the server's English.
    const unknown = await answer({
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'Something new went wrong',
      code: 'brand_new_rule',
    });
    expect(formatProblem(unknown, de)).toEqual({
      title: 'Bitte prüfe deine Eingabe',
      detail: 'Something new went wrong',
      fields: [],
    });
  });

  it('an unreadable answer is explained in the user’s language', () => {
    expect(formatProblem(parseProblem('/api/x', new SyntaxError('bad')), de)).toEqual({
      title: 'Die Antwort des Servers ist unlesbar',
      detail: 'Lade die Seite neu. Passiert es wieder, startet der Server vielleicht gerade neu.',
      fields: [],
    });
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
