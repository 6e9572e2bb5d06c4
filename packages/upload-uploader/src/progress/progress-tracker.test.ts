import { describe, expect, it } from 'vitest';
import { ProgressTracker } from './progress-tracker.js';
import type { UploadProgress } from './upload-progress.js';

function tracker(total: number, partsTotal: number) {
  let now = 0;
  const events: UploadProgress[] = [];
  const t = new ProgressTracker({
    total,
    partsTotal,
    onProgress: (p) => events.push(p),
    now: () => now,
    uploadId: 'u1',
  });
  return { t, events, advance: (ms: number) => (now += ms) };
}

describe('ProgressTracker', () => {
  it('throttles to one event per 100 ms, plus the final one', () => {
    const { t, events, advance } = tracker(1000, 1);
    const key = t.begin(1000);
    for (let sent = 10; sent <= 900; sent += 10) {
      t.sent(key, sent);
      advance(10);
    }
    // 90 updates over 900 virtual ms: the first, then one per 100 ms.
    expect(events.length).toBe(9);
    t.acknowledge(1000, key);
    t.finish();
    expect(events.at(-1)).toMatchObject({
      loaded: 1000,
      total: 1000,
      partsDone: 1,
      partsTotal: 1,
      etaSeconds: 0,
    });
  });

  it('never reaches total before the last acknowledgement, however many bytes were sent', () => {
    const { t, events, advance } = tracker(100, 1);
    const key = t.begin(100);
    t.sent(key, 100);
    advance(200);
    t.sent(key, 100);
    expect(events.every((e) => e.loaded < 100)).toBe(true);
    expect(events.at(-1)!.loaded).toBe(99);
    t.acknowledge(100, key);
    t.finish();
    expect(events.at(-1)!.loaded).toBe(100);
  });

  it('drops a failed attempt’s bytes without going backwards, and counts the retry once', () => {
    const { t, events, advance } = tracker(200, 2);
    const a = t.begin(100);
    t.sent(a, 80);
    advance(200);
    t.fail(a);
    const b = t.begin(100);
    t.sent(b, 50);
    advance(200);
    // The true figure is 50; the shown one holds at 80.
    expect(events.at(-1)!.loaded).toBe(80);
    t.sent(b, 90);
    advance(200);
    t.sent(b, 90);
    expect(events.at(-1)!.loaded).toBe(90);
    t.acknowledge(100, b);
    const loaded = events.map((e) => e.loaded);
    expect(loaded).toEqual([...loaded].sort((x, y) => x - y));
    const c = t.begin(100);
    t.acknowledge(100, c);
    t.finish();
    expect(events.at(-1)).toMatchObject({ loaded: 200, partsDone: 2 });
  });

  it('measures speed and ETA on its clock', () => {
    const { t, events, advance } = tracker(10_000, 10);
    for (let i = 0; i < 5; i++) {
      advance(1000);
      t.acknowledge(1000);
    }
    const last = events.at(-1)!;
    expect(last.bytesPerSecond).toBe(1000);
    expect(last.etaSeconds).toBe(5);
  });

  it('finishes once', () => {
    const { t, events } = tracker(10, 1);
    t.acknowledge(10);
    t.finish();
    t.finish();
    expect(events.filter((e) => e.loaded === 10)).toHaveLength(2);
  });
});
