// A small object store on 127.0.0.1 for tests where the HTTP exchange is the point: each PUT is
// seen by the test (its headers, its socket, its body as it arrives), and answered as the test says.
import { createHash } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { PlannedPart } from '../plan/plan-parts.js';
import type { ResumeToken } from '../resume/resume-token.js';
import type {
  OnUrlRefresh,
  TargetSession,
  UploadTarget,
  UrlRefreshEvent,
} from '../targets/upload-target.js';
import type { UrlNeed } from '../transfer/transfer-parts.js';
import { conditions } from './conditions.js';

/** The signature every URL of this store carries: it must never show in an error. */
export const SIGNATURE = 'SeCrEtSiGnAtUrE0123456789';

/** One request, as the store saw it. */
export interface Received {
  /** In order of arrival, from 0. */
  readonly index: number;
  readonly method: string;
  /** The path and query. */
  readonly url: string;
  readonly uploadId: string;
  readonly part: number;
  /** The how-many-th request for this upload's part, from 1. */
  readonly attempt: number;
  readonly headers: IncomingHttpHeaders;
  /** Which connection it came on (numbered in order of connection). */
  readonly socket: number;
  /** Body bytes received so far. */
  bytes: number;
  /** Set once the whole body arrived. */
  body: Buffer | undefined;
  answered: number | undefined;
  /** The connection closed before this request was answered. */
  cutOff: boolean;
}

/** Decides the answer to one request; the default stores the body and answers its MD5. */
export type Handler = (
  request: Received,
  exchange: { req: IncomingMessage; res: ServerResponse; body: () => Promise<Buffer> },
) => void | Promise<void>;

export const md5Hex = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

/** Answers 200 with the body's MD5 as the ETag, as S3 does. */
export async function store(
  request: Received,
  exchange: { res: ServerResponse; body: () => Promise<Buffer> },
): Promise<void> {
  const body = await exchange.body();
  answer(request, exchange.res, 200, { ETag: `"${md5Hex(body)}"` });
}

/** Sends an answer, recording its status. */
export function answer(
  request: Received,
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body = '',
): void {
  request.answered = status;
  res.writeHead(status, headers);
  res.end(body);
}

/** S3's XML error body. */
export const s3Error = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startLocalStorage(handler: Handler = store) {
  const received: Received[] = [];
  const waits = conditions();
  const changed = waits.check;
  const sockets = new Map<Socket, number>();
  const attempts = new Map<string, number>();
  let current = handler;

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const [, uploadId = '', part = '0'] = /^\/([^/]+)\/(\d+)/.exec(url) ?? [];
    const key = `${uploadId}/${part}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const request: Received = {
      index: received.length,
      method: req.method ?? '',
      url,
      uploadId,
      part: Number(part),
      attempt,
      headers: req.headers,
      socket: sockets.get(req.socket)!,
      bytes: 0,
      body: undefined,
      answered: undefined,
      cutOff: false,
    };
    received.push(request);
    const chunks: Buffer[] = [];
    let ended: Promise<Buffer> | undefined;
    const body = () =>
      (ended ??= new Promise<Buffer>((resolve, reject) => {
        req.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          request.bytes += chunk.length;
          changed();
        });
        req.on('end', () => {
          request.body = Buffer.concat(chunks);
          changed();
          resolve(request.body);
        });
        req.on('error', reject);
      }));
    res.on('close', () => {
      if (request.answered === undefined) request.cutOff = true;
      changed();
    });
    changed();
    void Promise.resolve(current(request, { req, res, body })).catch(() => undefined);
  });
  server.on('connection', (socket) => {
    sockets.set(socket, sockets.size);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    base,
    received,
    /** PUTs only, in order of arrival. */
    puts: () => received.filter((r) => r.method === 'PUT'),
    /** The URL of a part, signed with {@link SIGNATURE}. */
    urlOf: (uploadId: string, part: number, version = 0) =>
      `${base}/${uploadId}/${part}?X-Amz-Expires=900&X-Amz-Signature=${SIGNATURE}&v=${version}`,
    /** Answers the next requests with `next` instead. */
    handle: (next: Handler) => {
      current = next;
    },
    connections: () => sockets.size,
    /** Resolves once `predicate` holds (checked whenever a request arrives, moves or closes). */
    until: waits.until,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type LocalStorage = Awaited<ReturnType<typeof startLocalStorage>>;

/** What a {@link localTarget} was asked, in order. */
export interface TargetCall {
  readonly call: 'create' | 'reopen' | 'partUrl' | 'complete' | 'wait';
  readonly uploadId?: string;
  readonly part?: number;
  readonly need?: UrlNeed;
}

/**
 * An upload target over a local store: multipart (or one PUT), any part size, URLs re-signed when
 * storage says they expired. Uploads stay pending until completed.
 */
export function localTarget(
  storage: LocalStorage,
  options: { multipart?: boolean; minPartSize?: number; maxParts?: number } = {},
) {
  const calls: TargetCall[] = [];
  const pending = new Set<string>();
  let created = 0;
  const open = (uploadId: string, onUrlRefresh: OnUrlRefresh): TargetSession<{ id: string }> => {
    const versions = new Map<number, number>();
    return {
      uploadId,
      scope: undefined,
      async partUrl(part: PlannedPart, need: UrlNeed) {
        calls.push({ call: 'partUrl', uploadId, part: part.number, need });
        if (need === 'expired') {
          versions.set(part.number, (versions.get(part.number) ?? 0) + 1);
          const event: UrlRefreshEvent = { reason: 'expired', parts: [part.number], uploadId };
          onUrlRefresh(event);
        }
        return {
          url: storage.urlOf(uploadId, part.number, versions.get(part.number) ?? 0),
          headers: { 'content-type': 'application/octet-stream' },
        };
      },
      async complete() {
        calls.push({ call: 'complete', uploadId });
        pending.delete(uploadId);
      },
      async waitUntilProcessed() {
        calls.push({ call: 'wait', uploadId });
        return { id: uploadId };
      },
    };
  };
  const target: UploadTarget<{ id: string }> = {
    name: 'scenario',
    limits: {
      maxSize: 2 ** 40,
      multipart: options.multipart ?? true,
      minPartSize: options.minPartSize ?? 1,
      maxParts: options.maxParts ?? 10_000,
    },
    async create(_input, _signal, onUrlRefresh) {
      const uploadId = `up${++created}`;
      calls.push({ call: 'create', uploadId });
      pending.add(uploadId);
      return open(uploadId, onUrlRefresh);
    },
    async reopen(token: ResumeToken, _signal, onUrlRefresh) {
      calls.push({ call: 'reopen', uploadId: token.uploadId });
      if (!pending.has(token.uploadId)) return { stale: 'completed' };
      return { session: open(token.uploadId, onUrlRefresh) };
    },
  };
  return { target, calls };
}
