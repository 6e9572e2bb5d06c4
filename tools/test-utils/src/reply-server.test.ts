import { describe, expect, it } from 'vitest';
import { startReplyServer } from './reply-server.js';

describe('startReplyServer', () => {
  it('answers with the reply it was last given', async () => {
    const server = await startReplyServer();
    try {
      server.reply(404, { message: 'no' });
      const first = await fetch(`${server.url}/x`, { method: 'POST', body: 'ignored' });
      expect([first.status, await first.json()]).toEqual([404, { message: 'no' }]);
      server.reply(200, { ok: true });
      const second = await fetch(server.url);
      expect([second.status, await second.json()]).toEqual([200, { ok: true }]);
    } finally {
      await server.close();
    }
  });
});
