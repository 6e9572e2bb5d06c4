import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHttpClient } from '@upkit/core-http';
import { gzippedBundleSize } from '../bundle-size.js';
import { z } from 'zod';
import { interleaved, type Benchmark, type Measurement } from '../benchmark.js';

const ROUNDS = 15;
const REQUESTS_PER_ROUND = 200;
const PAYLOAD = JSON.stringify({
  upload: {
    id: 'upload_01HXKD2E5NQM3T9AYWCFZ05DNK',
    status: 'pending',
    fileName: 'hero.png',
    kind: 'image',
    createdAt: '2025-06-30T15:15:27.153Z',
  },
});

const getUpload = {
  operationId: 'getUpload',
  method: 'GET',
  path: '/v1/uploads/{uploadId}',
  pathParams: ['uploadId'],
  queryParams: [],
  body: undefined,
  response: z.object({
    upload: z.object({
      id: z.string(),
      status: z.string(),
      fileName: z.string(),
      kind: z.string(),
      createdAt: z.string(),
    }),
  }),
} as const;

const coreHttpEntry = fileURLToPath(
  new URL('../../../../packages/core-http/src/index.ts', import.meta.url),
);

/**
 * (1) What `client.request(op)` costs over raw `fetch` + `JSON.parse` on the same keep-alive loopback
 * server: path encoding, headers, retry bookkeeping, abort links, zod validation, APIPromise.
 * (2) core-http's size, minified and gzipped, whole and as a client typically imports it.
 */
const bench: Benchmark = {
  name: 'core-http request overhead and size',
  async run(): Promise<Measurement[]> {
    return [...(await measureOverhead()), ...(await measureSize())];
  },
};
export default bench;

async function measureOverhead(): Promise<Measurement[]> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(PAYLOAD),
    });
    res.end(PAYLOAD);
  });
  await listen(server);
  try {
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const url = `${baseUrl}/v1/uploads/upload_1`;
    const client = createHttpClient({ baseUrl });
    const headers = { accept: 'application/json', 'user-agent': '@upkit/core-http/0.0.0' };

    const candidate = async () => {
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
        await client.request(getUpload, { path: { uploadId: 'upload_1' } });
      }
    };
    const baseline = async () => {
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
        const response = await fetch(url);
        JSON.parse(await response.text());
      }
    };
    // What a careful hand-written call does too: a timeout signal (which costs undici itself
    // ~10 % here) and the same headers. Shows how much of the gap is core-http's own work.
    const equivalent = async () => {
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        const response = await fetch(url, { headers, signal: controller.signal });
        JSON.parse(await response.text());
        clearTimeout(timer);
      }
    };
    // Warm up (JIT, connection pool) before measuring.
    await interleaved(2, candidate, baseline);
    await interleaved(2, equivalent, baseline);
    const plain = await interleaved(ROUNDS, candidate, baseline);
    const careful = await interleaved(ROUNDS, candidate, equivalent);
    const perRequest = (ms: number) => (ms / REQUESTS_PER_ROUND) * 1000;
    const name = 'client.request(getUpload) with zod validation, per request (median)';
    return [
      {
        name,
        value: perRequest(plain.candidate),
        unit: 'µs',
        baseline: { name: 'fetch + JSON.parse', value: perRequest(plain.baseline) },
        target: '≤ 1.2× baseline',
      },
      {
        name: `${name}, against an equivalent fetch`,
        value: perRequest(careful.candidate),
        unit: 'µs',
        baseline: {
          name: 'fetch with a timeout signal and the same headers + JSON.parse',
          value: perRequest(careful.baseline),
        },
        target: '≤ 1.1× baseline',
      },
    ];
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function measureSize(): Promise<Measurement[]> {
  const whole = await gzippedBundleSize(`export * from ${JSON.stringify(coreHttpEntry)};`);
  const typical = await gzippedBundleSize(
    `export { createHttpClient, bearerAuth, basicAuth, resolveOption, NotFoundError } from ${JSON.stringify(coreHttpEntry)};`,
  );
  return [
    {
      name: '@upkit/core-http, whole public API, minified + gzipped',
      value: whole,
      unit: 'bytes',
      target: '< 12000 bytes',
    },
    {
      name: '@upkit/core-http as a client imports it (createHttpClient, auth, resolveOption, one error), minified + gzipped',
      value: typical,
      unit: 'bytes',
      target: '< 12000 bytes',
    },
  ];
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}
