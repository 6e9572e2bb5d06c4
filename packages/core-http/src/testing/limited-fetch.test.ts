import { describe, expect, it } from 'vitest';
import { sendJson, startServer } from './loopback-server.js';
import { limitedFetch } from './limited-fetch.js';

describe('limitedFetch', () => {
  it('runs at most `limit` requests at once, and all of them in the end', async () => {
    let open = 0;
    let most = 0;
    const server = await startServer((_req, res) => {
      most = Math.max(most, ++open);
      // Answered on the next turn, so that requests overlap (and the limit shows).
      setImmediate(() => {
        open--;
        sendJson(res, 200, {});
      });
    });
    try {
      const limited = limitedFetch(5);
      const responses = await Promise.all(
        Array.from({ length: 40 }, () => limited(`${server.url}/x`).then((r) => r.status)),
      );
      expect(responses).toEqual(Array(40).fill(200));
      expect(server.requests).toHaveLength(40);
      expect(most).toBeLessThanOrEqual(5);
    } finally {
      await server.close();
    }
  });

  it('takes a waiting request out of the queue when its signal aborts', async () => {
    let arrived = (): void => {};
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    // `/a` never gets an answer; anything else does at once.
    const server = await startServer((req, res) => {
      if (req.url === '/a') arrived();
      else sendJson(res, 200, {});
    });
    try {
      const limited = limitedFetch(1);
      const controller = new AbortController();
      const first = limited(`${server.url}/a`, { signal: controller.signal });
      const leaving = new AbortController();
      const queued = limited(`${server.url}/b`, { signal: leaving.signal });
      await expect(limited(`${server.url}/c`, { signal: AbortSignal.abort('late') })).rejects.toBe(
        'late',
      );
      await firstArrived;
      leaving.abort('gone');
      await expect(queued).rejects.toBe('gone');
      controller.abort('done');
      await expect(first).rejects.toBe('done');
      // The slot the first request freed went to nobody (both others had left the queue), so the
      // next request gets it and is the second one the server sees.
      expect((await limited(`${server.url}/d`)).status).toBe(200);
      expect(server.requests.map((r) => r.url)).toEqual(['/a', '/d']);
    } finally {
      await server.close();
    }
  });
});
