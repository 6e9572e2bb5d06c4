import type { UploadProgress } from './upload-progress.js';

/** Speed is measured over this window. */
const WINDOW_MS = 5000;

export interface ProgressTrackerOptions {
  readonly total: number;
  readonly partsTotal: number;
  readonly onProgress?: ((progress: UploadProgress) => void) | undefined;
  /** @default 100 (at most ~10 events a second, plus the final one) */
  readonly intervalMs?: number;
  readonly now: () => number;
  uploadId: string;
}

/**
 * Turns byte counts from the transfers into throttled, monotonic progress events.
 *
 * The true figure is the acknowledged parts plus the bytes of attempts in flight, each capped one
 * byte short of its part (so 100 % waits for the last acknowledgement). A failed attempt's bytes
 * leave the true figure; the figure shown holds at its high mark until the retry passes it, so it
 * never goes backwards and never counts a byte twice.
 */
export class ProgressTracker {
  readonly #options: ProgressTrackerOptions;
  readonly #intervalMs: number;
  #acked = 0;
  #partsDone = 0;
  readonly #inFlight = new Map<object, { sent: number; cap: number }>();
  #shown = 0;
  #lastEmit = -Infinity;
  #samples: { at: number; loaded: number }[] = [];
  #finished = false;

  constructor(options: ProgressTrackerOptions) {
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? 100;
  }

  /** Starts counting an attempt at sending `size` bytes; the returned key reports on it. */
  begin(size: number): object {
    const key = {};
    this.#inFlight.set(key, { sent: 0, cap: Math.max(0, size - 1) });
    return key;
  }

  /** The attempt has sent `sent` bytes in all. */
  sent(key: object, sent: number): void {
    const attempt = this.#inFlight.get(key);
    if (!attempt) return;
    attempt.sent = Math.min(sent, attempt.cap);
    this.#maybeEmit();
  }

  /** The attempt failed: its bytes no longer count. */
  fail(key: object): void {
    this.#inFlight.delete(key);
  }

  /** Storage acknowledged a part of `size` bytes (its attempt, if any, ends). */
  acknowledge(size: number, key?: object): void {
    if (key) this.#inFlight.delete(key);
    this.#acked += size;
    this.#partsDone++;
    this.#maybeEmit();
  }

  /** Cadenya replaced the upload: events name the new one. */
  set uploadId(id: string) {
    this.#options.uploadId = id;
  }

  /** The last event: exactly `total`, once, when every part is acknowledged. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#emit(this.#options.now());
  }

  #trueLoaded(): number {
    let loaded = this.#acked;
    for (const { sent } of this.#inFlight.values()) loaded += sent;
    return Math.min(loaded, this.#options.total);
  }

  #maybeEmit(): void {
    if (this.#finished) return;
    const now = this.#options.now();
    if (now - this.#lastEmit < this.#intervalMs) {
      this.#sample(now);
      return;
    }
    this.#emit(now);
  }

  #sample(now: number): void {
    this.#shown = Math.max(this.#shown, this.#trueLoaded());
    const samples = this.#samples;
    samples.push({ at: now, loaded: this.#shown });
    while (samples.length > 2 && now - samples[0]!.at > WINDOW_MS) samples.shift();
  }

  #emit(now: number): void {
    this.#sample(now);
    this.#lastEmit = now;
    const { onProgress, total, partsTotal, uploadId } = this.#options;
    if (!onProgress) return;
    const first = this.#samples[0]!;
    const elapsed = (now - first.at) / 1000;
    const bytesPerSecond = elapsed > 0 ? Math.round((this.#shown - first.loaded) / elapsed) : 0;
    const remaining = total - this.#shown;
    onProgress({
      loaded: this.#shown,
      total,
      partsDone: this.#partsDone,
      partsTotal,
      bytesPerSecond,
      etaSeconds: remaining === 0 ? 0 : bytesPerSecond > 0 ? remaining / bytesPerSecond : undefined,
      uploadId,
    });
  }
}
