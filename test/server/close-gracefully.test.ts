// Closing the server answers the requests already sent on open keep-alive connections, even when the event loop was
// too busy to read them yet (Node's own server.close() resets those), tells their clients the connection ends, and
// refuses new connections.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeGracefully } from '../../server/http/close-gracefully.js';

describe('closing the HTTP server gracefully', () => {
  it('answers requests sent before the close but not yet read, with Connection: close, then refuses', async () => {
    const server = http.createServer((_request, response) => {
      setTimeout(() => response.end('ok'), 10);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true });
    const get = () =>
      new Promise<string>((resolve) => {
        http
          .get({ host: '127.0.0.1', port, agent }, (response) => {
            response.resume();
            response.on('end', () =>
              resolve(`${response.statusCode} ${response.headers.connection}`),
            );
          })
          .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    try {
      // Ten keep-alive connections, open and idle.
      await Promise.all(Array.from({ length: 10 }, get));
      const sent = Array.from({ length: 10 }, get);
      // Ends once every connection has: the answers end theirs, long before the grace would cut them.
      const closed = new Promise<void>((resolve) =>
        setImmediate(() => {
          // The loop is busy while the ten requests arrive, so none has been read when the close begins.
          const until = Date.now() + 100;
          while (Date.now() < until);
          closeGracefully(server, 10 * 60_000, resolve);
        }),
      );
      expect(await Promise.all(sent)).toEqual(Array.from({ length: 10 }, () => '200 close'));
      // Once it no longer listens, a new connection is refused (a client or load balancer tries elsewhere).
      while (server.listening) await new Promise((resolve) => setImmediate(resolve));
      expect(await get()).toBe('ECONNREFUSED');
      await closed;
    } finally {
      agent.destroy();
      server.closeAllConnections();
    }
  });
});
