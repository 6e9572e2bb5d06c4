import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1 that answers every request with the reply it was last given. */
export interface ReplyServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** What the next requests get: a status and a JSON body. */
  reply(status: number, body: unknown): void;
  close(): Promise<void>;
}

/** Starts a {@link ReplyServer} on a free port; it reads each request's body whole before answering. */
export async function startReplyServer(): Promise<ReplyServer> {
  let next: { status: number; body: unknown } = { status: 500, body: {} };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reply: (status, body) => {
      next = { status, body };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
