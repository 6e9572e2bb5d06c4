/**
 * The global fetch, at most `limit` requests at a time; the others wait their turn, and leave the
 * queue with the signal's reason if their signal aborts first. A test that fires 1000 calls at a
 * loopback server in its own process would otherwise hold some 2000 sockets at once, more than a
 * 1024-descriptor limit allows (the connections are then reset).
 */
export function limitedFetch(limit: number): typeof fetch {
  let active = 0;
  const waiting: Array<() => void> = [];
  const turn = (signal: AbortSignal | null | undefined): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const start = (): void => {
        signal?.removeEventListener('abort', leave);
        active++;
        resolve();
      };
      const leave = (): void => {
        waiting.splice(waiting.indexOf(start), 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      waiting.push(start);
    });
  return async (input, init) => {
    if (active < limit) active++;
    else await turn(init?.signal);
    try {
      return await fetch(input, init);
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
