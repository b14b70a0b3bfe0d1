// Request bodies read from Node's own stream (server/http/node-body.ts), sent exactly as clients send them with
// node:http: chunked or with a length, with a byte-order mark, too large while streaming, or cut off half-way.
import { request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ customers: 50 });
});
afterAll(() => server.close());

interface Sent {
  /** Written as separate chunks; with `chunked`, no Content-Length is sent. */
  chunks: (string | Buffer)[];
  chunked?: boolean;
  /** Destroy the request after writing the chunks instead of ending it. */
  cutOff?: boolean;
}

function post(path: string, { chunks, chunked = false, cutOff = false }: Sent) {
  const { hostname, port } = new URL(server.url);
  const length = chunks.reduce((n, chunk) => n + Buffer.byteLength(chunk), 0);
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          hostname,
          port,
          path,
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Cookie: `catchment_session=${server.fetch.session}`,
            Origin: server.url,
            ...(chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': length }),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      if (cutOff) {
        req.destroy();
        resolve({ status: 0, headers: {}, body: '' });
      } else req.end();
    },
  );
}

const area = (name: string) =>
  JSON.stringify({
    name,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [13.4, 52.5],
          [13.41, 52.5],
          [13.41, 52.51],
          [13.4, 52.51],
          [13.4, 52.5],
        ],
      ],
    },
  });

describe('request bodies read from the socket', () => {
  it('accept a JSON body sent in several chunks, with and without a length', async () => {
    const text = area('chunked');
    const halves = [text.slice(0, 40), text.slice(40)];
    const chunked = await post('/api/areas', { chunks: halves, chunked: true });
    expect(chunked.status, chunked.body).toBe(201);
    expect(JSON.parse(chunked.body).properties.name).toBe('chunked');
    const sized = await post('/api/areas', { chunks: [area('with a length')] });
    expect(sized.status, sized.body).toBe(201);
  });

  it('read UTF-8 as fetch does: a leading byte-order mark dropped, a character split across chunks kept', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(area('Zürich Süd'))]);
    const split = bytes.indexOf(Buffer.from('ü')) + 1; // inside the two bytes of ü
    const answer = await post('/api/areas', {
      chunks: [bytes.subarray(0, split), bytes.subarray(split)],
    });
    expect(answer.status, answer.body).toBe(201);
    expect(JSON.parse(answer.body).properties.name).toBe('Zürich Süd');
  });

  it('refuse a chunked body as soon as it passes the limit, naming the body, and close the connection', async () => {
    const before = ((await (await server.fetch('/api/areas')).json()) as { features: unknown[] })
      .features.length;
    const big = `{"name":"${'x'.repeat(600 * 1024)}`;
    const answer = await post('/api/areas', { chunks: [big, big, '"}'], chunked: true });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).errors[0]).toMatchObject({ field: 'body', code: 'too_large' });
    const after = ((await (await server.fetch('/api/areas')).json()) as { features: unknown[] })
      .features.length;
    expect(after).toBe(before);
  });

  it('keep answering after a client goes away half-way through its body, with nothing written', async () => {
    const before = ((await (await server.fetch('/api/areas')).json()) as { features: unknown[] })
      .features.length;
    const text = area('never finished');
    await post('/api/areas', { chunks: [text.slice(0, 30)], cutOff: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const after = ((await (await server.fetch('/api/areas')).json()) as { features: unknown[] })
      .features.length;
    expect(after).toBe(before);
    expect(server.logLines.filter((line) => line.includes('unhandled'))).toEqual([]);
  });
});
