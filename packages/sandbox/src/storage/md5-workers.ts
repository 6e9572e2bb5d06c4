import type { Hash, createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

/**
 * The worker's body, run on its own thread. It is written as a function (not a file) so that no
 * path has to be located: it runs the same from source (tsx, vitest) and from the bundles. It
 * must stand alone, since only its text reaches the worker: it names nothing from this module,
 * and its callbacks stay anonymous (a bundler's name-keeping helper would not exist there).
 */
function md5WorkerMain(port: MessagePort, hasher: typeof createHash): void {
  const hashes = new Map<number, Hash>();
  port.on(
    'message',
    (message: { id: number; chunk?: Uint8Array; end?: boolean; cancel?: boolean }) => {
      const { id, chunk, end, cancel } = message;
      if (cancel) {
        hashes.delete(id);
        return;
      }
      let hash = hashes.get(id);
      if (!hash) hashes.set(id, (hash = hasher('md5')));
      if (chunk) {
        hash.update(chunk);
        port.postMessage({ id, hashed: chunk.byteLength });
      }
      if (end) {
        hashes.delete(id);
        port.postMessage({ id, md5: hash.digest('hex') });
      }
    },
  );
}

/**
 * The script a worker evaluates: the function above, called with what it needs. Dynamic imports
 * work whether the script runs as CommonJS or as a module (a parent run with
 * `--input-type=module` makes it one).
 */
const WORKER_SCRIPT = [
  "Promise.all([import('node:worker_threads'), import('node:crypto')]).then(",
  `  ([threads, crypto]) => (${md5WorkerMain.toString()})(threads.parentPort, crypto.createHash),`,
  ');',
].join('\n');

/** Bytes handed over but not hashed yet, per stream, before `update` makes its caller wait. */
const MAX_BACKLOG = 4 * 1024 * 1024;

/** One stream's MD5, computed on a worker thread. */
export interface WorkerMd5 {
  /**
   * Hands a chunk over. Its memory is moved to the worker when it owns it whole: the caller must
   * not use it afterwards. Resolves once the backlog is small again (backpressure).
   */
  update(chunk: Buffer): Promise<void>;
  /** The hex MD5 of everything handed over. */
  digest(): Promise<string>;
  /** Forgets the stream (its body was abandoned). */
  cancel(): void;
}

interface StreamState {
  backlog: number;
  resume: (() => void) | undefined;
  done: ((md5: string) => void) | undefined;
  fail: (error: Error) => void;
  failed: Error | undefined;
}

type WorkerReply = { id: number; hashed: number } | { id: number; md5: string };

class Md5Worker {
  private readonly worker = new Worker(WORKER_SCRIPT, {
    eval: true,
    // Plain JavaScript: none of the parent's loaders or flags (tsx, --input-type) apply.
    execArgv: [],
  });
  readonly streams = new Map<number, StreamState>();
  broken = false;

  constructor() {
    this.worker.on('message', (reply: WorkerReply) => {
      const state = this.streams.get(reply.id);
      if (!state) return;
      if ('md5' in reply) {
        this.forget(reply.id);
        state.done?.(reply.md5);
        return;
      }
      state.backlog -= reply.hashed;
      if (state.backlog <= MAX_BACKLOG && state.resume) {
        const resume = state.resume;
        state.resume = undefined;
        resume();
      }
    });
    const breakDown = (error: Error) => {
      this.broken = true;
      for (const state of this.streams.values()) state.fail(error);
      this.streams.clear();
      this.worker.unref();
    };
    this.worker.on('error', breakDown);
    this.worker.on('exit', (code) => breakDown(new Error(`the MD5 worker exited (${code})`)));
    // Idle, it must not keep the process alive: it is referenced only while a stream is open.
    // After the listeners, since adding a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  private forget(id: number): boolean {
    if (!this.streams.delete(id)) return false;
    if (this.streams.size === 0) this.worker.unref();
    return true;
  }

  open(id: number): WorkerMd5 {
    const state: StreamState = {
      backlog: 0,
      resume: undefined,
      done: undefined,
      failed: undefined,
      fail: (error) => {
        state.failed = error;
        state.resume?.();
      },
    };
    if (this.streams.size === 0) this.worker.ref();
    this.streams.set(id, state);
    return {
      update: (chunk) => {
        if (state.failed) return Promise.reject(state.failed);
        state.backlog += chunk.length;
        const owned = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
        this.worker.postMessage({ id, chunk }, owned ? [chunk.buffer as ArrayBuffer] : []);
        if (state.backlog <= MAX_BACKLOG) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          state.resume = () => (state.failed ? reject(state.failed) : resolve());
        });
      },
      digest: () =>
        new Promise<string>((resolve, reject) => {
          if (state.failed) return reject(state.failed);
          state.done = resolve;
          state.fail = reject;
          this.worker.postMessage({ id, end: true });
        }),
      cancel: () => {
        if (!this.forget(id)) return;
        this.worker.postMessage({ id, cancel: true });
      },
    };
  }
}

/** Workers for every sandbox of the process: at most one per spare core, up to 4. */
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
const pool: Md5Worker[] = [];
let nextId = 0;

/**
 * Starts an MD5 computed off the main thread, on the pool's least busy worker (started on first
 * use): the main thread keeps up with the socket while another core hashes.
 */
export function workerMd5(): WorkerMd5 {
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.broken) pool.splice(i, 1);
  let worker = pool.reduce<Md5Worker | undefined>(
    (least, w) => (!least || w.streams.size < least.streams.size ? w : least),
    undefined,
  );
  if (!worker || (worker.streams.size > 0 && pool.length < POOL_SIZE)) {
    worker = new Md5Worker();
    pool.push(worker);
  }
  return worker.open(nextId++);
}
