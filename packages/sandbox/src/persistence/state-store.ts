import { readFile } from 'node:fs/promises';
import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { writeFileAtomic } from './atomic-write.js';
import { emptyState } from './sandbox-state.js';
import type { SandboxState } from './sandbox-state.js';

/**
 * Holds the sandbox state in memory and writes it to `state.json` after each change. Writes are
 * coalesced: while one is running, any number of changes share the single next write, and every
 * caller's promise resolves once a write that includes its change is on disk.
 */
export class StateStore {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  private constructor(
    readonly file: string,
    readonly state: SandboxState,
  ) {}

  /** Reads `file`, or starts empty when it does not exist. */
  static async open(file: string): Promise<StateStore> {
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === undefined) return new StateStore(file, emptyState());
    const parsed = JSON.parse(text) as Partial<SandboxState>;
    if (parsed.version !== 1) {
      throw new SandboxConfigError(`${file}: unknown state version ${String(parsed.version)}`);
    }
    const empty = emptyState();
    return new StateStore(file, {
      version: 1,
      scenario: { ...empty.scenario, ...parsed.scenario },
      cadenya: { ...empty.cadenya, ...parsed.cadenya },
      storage: { ...empty.storage, ...parsed.storage },
    });
  }

  /** Schedules a write of the current state; resolves when a write covering it is done. */
  persist(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const after = this.running.catch(() => {});
    this.queued = after.then(() => {
      this.queued = undefined;
      return this.start();
    });
    return this.queued;
  }

  /** Waits for every scheduled write. */
  async flush(): Promise<void> {
    while (this.running || this.queued) {
      await (this.queued ?? this.running)?.catch(() => {});
    }
  }

  private start(): Promise<void> {
    // Serialize now: changes made while the file is being written belong to the next write.
    const text = JSON.stringify(this.state);
    const write = writeFileAtomic(this.file, text).finally(() => {
      if (this.running === write) this.running = undefined;
    });
    this.running = write;
    return write;
  }
}
