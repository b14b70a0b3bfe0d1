// Requests Node's HTTP parser refuses before the app sees them (headers over maxHeaderSize, a malformed request line)
// are answered in problem+json too, instead of Node's bare status line.
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemBody } from './problem.js';

/**
 * Request line plus headers, in bytes: Node's default, set explicitly so the limit is ours. URLs up to
 * MAX_URL_LENGTH (guards.ts) leave room for cookies and the other headers.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

const detailFor: Record<number, string> = {
  408: 'The request did not arrive in time',
  413: 'A chunk extension of the request body is too large',
  431: `The request line and headers are larger than ${MAX_HEADER_BYTES.toLocaleString('en')} bytes; send large values (a segment) in a POST body`,
  400: 'The request is not well-formed HTTP',
};

function statusFor(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** The raw HTTP/1.1 answer: there is no response object at this point, only the socket. */
export function clientErrorResponse(status: number): string {
  const body = JSON.stringify(problemBody(status, detailFor[status]));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Replaces Node's default clientError answer. As Node does, write only when no response on this socket has started
 * (writing into one would corrupt what the client reads), and otherwise just close the connection.
 */
export function answerClientErrors(server: Pick<Server, 'on'>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })
      ._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(statusFor(error.code)));
  });
}
