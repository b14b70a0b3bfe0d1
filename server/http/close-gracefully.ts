// Stops an HTTP server without resetting connections and requests it has not read yet. Node's server.close() closes
// the listening socket at once, which resets connections still waiting in the accept queue, and every idle keep-alive
// connection, which resets one whose next request waits unread (the event loop was busy). Here each step waits for
// the loop to read what was already sent: the pending connections are accepted, then the listening socket closes;
// their requests are read, then Node's own close ends the idle connections (and its connection-checking timer).
// Answers from then on say `Connection: close`, so their connections end with them; whatever is left when the grace
// is over is cut.
import { Server as NetServer } from 'node:net';
import type { Server } from 'node:http';

/** Calls `closed` once every connection has ended (at the latest about `graceMs` after the call). */
export function closeGracefully(server: Server, graceMs: number, closed: () => void): void {
  server.prependListener('request', (_request, response) =>
    response.setHeader('Connection', 'close'),
  );
  afterNextPoll(() => {
    NetServer.prototype.close.call(server, () => closed());
    afterNextPoll(() => server.close());
  });
  setTimeout(() => server.closeAllConnections(), graceMs).unref();
}

/** A timer, then the check phase after the next poll phase: by then the loop has read every socket that was ready. */
function afterNextPoll(step: () => void): void {
  setTimeout(() => setImmediate(step), 0);
}
