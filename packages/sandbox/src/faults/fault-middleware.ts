import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { CadenyaRpcError } from '../errors/cadenya-rpc-error.js';
import { ScenarioApiError } from '../errors/scenario-api-error.js';
import { StorageRefusal } from '../errors/storage-refusal.js';
import type { SandboxEnv } from '../hono-env.js';
import { GrpcCode } from '../cadenya/grpc-code.js';
import { classifyPath } from '../request-log/request-log.js';
import { scenarioServerError } from '../scenario/scenario-errors.js';
import type { Sleep } from '../sleep.js';
import type { FaultAction, FaultInjector } from './fault-injector.js';

const REASON: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * Reads the request body until `afterBytes` bytes arrived (or it ended), then resets the
 * connection: the client sees ECONNRESET mid-request, as when a proxy or the network drops it.
 */
function resetAfter(incoming: IncomingMessage, afterBytes: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const reset = () => {
      const socket = incoming.socket as IncomingMessage['socket'] & {
        resetAndDestroy?: () => void;
      };
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
      resolve();
    };
    if (afterBytes === 0) return reset();
    incoming.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen >= afterBytes) reset();
    });
    incoming.once('end', reset);
    incoming.once('error', () => resolve());
  });
}

function errorFor(
  api: 'scenario' | 'cadenya' | undefined,
  action: Exclude<FaultAction, { kind: 'reset' }>,
): Error {
  if (action.kind === 'rateLimit') {
    const headers = { 'Retry-After': String(action.retryAfterSeconds) };
    if (api === 'scenario') {
      return new ScenarioApiError(
        action.status,
        { message: 'Too many requests', remainingSeconds: action.retryAfterSeconds },
        headers,
      );
    }
    if (api === 'cadenya') {
      return new CadenyaRpcError(
        GrpcCode.RESOURCE_EXHAUSTED,
        'rate limit exceeded, retry later',
        headers,
        action.status,
      );
    }
    return action.status === 503
      ? new StorageRefusal(503, 'SlowDown', 'Please reduce your request rate.', {}, headers)
      : new StorageRefusal(429, 'TooManyRequests', 'Please reduce your request rate.', {}, headers);
  }
  const reason = REASON[action.status]!;
  // As the document's examples show them: 500 {error, traceId}, 502/503 {message}.
  if (api === 'scenario') return scenarioServerError(action.status);
  if (api === 'cadenya') {
    const code = action.status === 500 ? GrpcCode.INTERNAL : GrpcCode.UNAVAILABLE;
    return new CadenyaRpcError(code, reason.toLowerCase(), {}, action.status);
  }
  return action.status === 503
    ? new StorageRefusal(503, 'ServiceUnavailable', 'Service is unable to handle request.')
    : new StorageRefusal(
        action.status,
        'InternalError',
        'We encountered an internal error. Please try again.',
      );
}

/**
 * Injects the configured faults into API and storage requests (never into the inspection API).
 * Latency is waited out with the sandbox's `sleep`, so tests control it like the clock.
 */
export function faultMiddleware(
  faults: FaultInjector,
  sleep: Sleep,
): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const { routeClass, api } = classifyPath(c.req.path);
    if (routeClass !== 'api' && routeClass !== 'storage') return next();
    const decision = faults.decide(routeClass);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    const action = decision.action;
    if (!action) return next();
    if (action.kind === 'reset') {
      c.set('fault', 'reset');
      await resetAfter(c.env.incoming, action.afterBytes);
      return c.body(null, 500);
    }
    c.set('fault', action.kind);
    throw errorFor(api, action);
  };
}
