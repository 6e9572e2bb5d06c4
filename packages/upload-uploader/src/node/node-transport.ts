import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { APIConnectionError, redactUrl } from '@upkit/core-http';
import { PartStallError } from '../errors/part-stall-error.js';
import {
  MAX_ERROR_BODY,
  type PartTransport,
  type PutRequest,
  type PutResponse,
} from '../transfer/part-transport.js';

/**
 * Part PUTs over `node:http`/`node:https` streams, with keep-alive agents. Node 20's global
 * `fetch` keeps every chunk of a streamed request body until the request ends (1.1 GB RSS for a
 * 1 GiB PUT); a `ClientRequest` lets each chunk go once it is on the socket.
 */
export function createNodeTransport(): PartTransport {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true }),
  };
  return {
    streams: true,
    put: (request) => put(request, agents),
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

function put(
  request: PutRequest,
  agents: { 'http:': HttpAgent; 'https:': HttpsAgent },
): Promise<PutResponse> {
  const { url, headers, size, signal, onSent, stallTimeoutMs } = request;
  return new Promise<PutResponse>((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const options = {
      method: 'PUT',
      headers: { ...headers, 'content-length': String(size) },
      agent: secure ? agents['https:'] : agents['http:'],
      signal,
    };
    let settled = false;
    let answered = false;
    let stall: ReturnType<typeof setTimeout> | undefined;
    const finish = (error: unknown, response?: PutResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(stall);
      if (response) resolve(response);
      else reject(error);
    };
    const fail = (cause: unknown) => {
      if (signal.aborted) return finish(signal.reason);
      if (cause instanceof PartStallError) return finish(cause);
      finish(new APIConnectionError({ method: 'PUT', url: redactUrl(url), cause }));
    };
    const req: ClientRequest = (secure ? httpsRequest : httpRequest)(target, options);
    const touch = () => {
      clearTimeout(stall);
      // A write's callback or a late chunk may come after the answer: no timer outlives it.
      if (settled) return;
      stall = setTimeout(
        () => req.destroy(new PartStallError({ url: redactUrl(url), stallTimeoutMs })),
        stallTimeoutMs,
      );
    };
    touch();
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      answered = true;
      touch();
      const kept: Buffer[] = [];
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        touch();
        if (length < MAX_ERROR_BODY) {
          kept.push(chunk);
          length += chunk.length;
        }
      });
      res.on('error', fail);
      res.on('end', () => {
        const received: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          received[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const body = Buffer.concat(kept).subarray(0, MAX_ERROR_BODY).toString('utf8');
        finish(undefined, { status: res.statusCode ?? 0, headers: received, body });
      });
    });
    void (async () => {
      let sent = 0;
      for await (const chunk of request.chunks()) {
        // Storage may answer (a refusal) before the body is through: stop sending then.
        if (answered || settled) return;
        const written = req.write(chunk, (error) => {
          if (error) return;
          sent += chunk.byteLength;
          touch();
          onSent(sent);
        });
        if (!written) await drained(req);
      }
      req.end();
    })().catch((error: unknown) => {
      // The source failed (a stream that ended early): the request must not complete.
      if (!settled) {
        settled = true;
        clearTimeout(stall);
        req.destroy();
        reject(error);
      }
    });
  });
}

function drained(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}
