import { persistInBackground, reportBackgroundError } from '../background-errors.js';
import { checkMagicBytes, MAGIC_BYTES_LENGTH } from '../content/magic-bytes.js';
import { scenarioId } from '../ids/random-id.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { ScenarioOutcome, ScenarioUploadRecord } from './scenario-records.js';

/** Hosts of the reserved `.invalid` TLD stand for unreachable URLs in the offline sandbox. */
const isUnreachable = (url: string) => {
  try {
    return new URL(url).hostname.endsWith('.invalid');
  } catch {
    return true;
  }
};

/**
 * Moves Scenario uploads through `validating` → `validated` → `imported` (or `failed`) on their
 * own. Each transition is due at a clock time; it is applied by a timer, and also by any read
 * that comes later, so a restarted sandbox or a test that moves the clock sees the same states.
 */
export class ScenarioLifecycle {
  private readonly checking = new Set<string>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly ctx: SandboxContext) {}

  /** Starts validating an upload that just became `validating`. */
  start(record: ScenarioUploadRecord): void {
    record.internal.validateDueMs = this.ctx.now() + this.ctx.scenario.validatingDelayMs;
    record.internal.importDelayMs = this.ctx.scenario.importDelayMs;
    this.check(record);
  }

  /** After a restart: finishes checks that were cut off and re-arms the timers. */
  resume(): void {
    for (const record of Object.values(this.ctx.store.state.scenario.uploads)) {
      if (record.upload.status === 'validating' && !record.internal.outcome) this.check(record);
      else this.schedule(record);
    }
  }

  /** Resolves once no check is running (close() waits for it before removing files). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  /** Applies every transition due by now. @returns true when the upload changed. */
  advance(record: ScenarioUploadRecord): boolean {
    const now = this.ctx.now();
    const { upload, internal } = record;
    let changed = false;
    if (
      upload.status === 'validating' &&
      internal.outcome &&
      internal.validateDueMs !== undefined &&
      now >= internal.validateDueMs
    ) {
      upload.updatedAt = new Date(now).toISOString();
      if (internal.outcome.ok) {
        upload.status = 'validated';
        internal.importDueMs = now + (internal.importDelayMs ?? 0);
      } else {
        upload.status = 'failed';
        upload.errorMessage = internal.outcome.message;
      }
      changed = true;
    }
    if (
      upload.status === 'validated' &&
      internal.importDueMs !== undefined &&
      now >= internal.importDueMs
    ) {
      upload.status = 'imported';
      upload.entityId = scenarioId(upload.kind === 'model' ? 'model' : 'asset');
      upload.updatedAt = new Date(now).toISOString();
      changed = true;
    }
    return changed;
  }

  private schedule(record: ScenarioUploadRecord): void {
    const { upload, internal } = record;
    const due =
      upload.status === 'validating' && internal.outcome
        ? internal.validateDueMs
        : upload.status === 'validated'
          ? internal.importDueMs
          : undefined;
    if (due === undefined) return;
    this.ctx.scheduler.at(due, () => {
      if (this.advance(record)) {
        persistInBackground(this.ctx, `saving ${record.upload.id} after its transition`);
      }
      this.schedule(record);
    });
  }

  private check(record: ScenarioUploadRecord): void {
    const id = record.upload.id;
    if (this.checking.has(id)) return;
    this.checking.add(id);
    const task = this.validate(record)
      .catch((error: unknown) => {
        reportBackgroundError(this.ctx, `validating ${id}`, error);
        return { ok: false, message: 'The upload could not be validated.' } as const;
      })
      .then(async (outcome) => {
        record.internal.outcome = outcome;
        this.checking.delete(id);
        this.advance(record);
        // Armed whether or not the write succeeds: the transition is due all the same.
        this.schedule(record);
        await this.ctx.store.persist();
      })
      .catch((error: unknown) =>
        reportBackgroundError(this.ctx, `saving the outcome of ${id}`, error),
      )
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  private async validate(record: ScenarioUploadRecord): Promise<ScenarioOutcome> {
    const { upload, internal } = record;
    if (upload.source !== 'multipart') {
      // Offline: nothing is fetched. `.invalid` hosts fail, so failures can be exercised.
      const source = upload.url ?? '';
      if (upload.source === 'url' && isUnreachable(source)) {
        return { ok: false, message: `Could not download the file from ${source}.` };
      }
      return { ok: true };
    }
    const objects = this.ctx.objects;
    const multipart = objects.getMultipartUpload(internal.multipartUploadId ?? '');
    if (!multipart) return { ok: false, message: 'The multipart upload no longer exists.' };
    let object = objects.getObject(multipart.bucket, multipart.key);
    const assembled = multipart.state === 'completed' && Object.keys(multipart.parts).length === 0;
    // Assembled before a restart cut the check short: the parts are gone, the object is there.
    if (!(assembled && object)) {
      const result = await objects.completeMultipartUpload(multipart, {
        partsCount: upload.partsCount ?? 0,
        minPartSize: this.ctx.scenario.minPartSize,
        totalSize: upload.fileSize ?? 0,
      });
      if (!result.ok) return result;
      object = result.object;
    }
    const head = await objects.readHead(object, MAGIC_BYTES_LENGTH);
    const problem = checkMagicBytes(upload.contentType ?? '', head);
    return problem ? { ok: false, message: problem } : { ok: true };
  }
}
