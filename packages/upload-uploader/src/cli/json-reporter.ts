import type { CliIo } from './cli-io.js';
import type { Reporter } from './reporter.js';

/** The least time between two `progress` events of one file (the last one always goes out). */
const PROGRESS_EVERY_MS = 250;

/**
 * NDJSON on stdout, one event per line: `start`, `progress` (throttled), `retry`, `urlRefresh`,
 * `part` (with --verbose), `done` or `error` with the file's result, and `summary`.
 */
export function jsonReporter(
  io: CliIo,
  options: { verbose: boolean; now?: () => number },
): Reporter {
  const now = options.now ?? Date.now;
  const last = new Map<string, number>();
  const emit = (event: string, fields: Record<string, unknown>) =>
    io.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
  return {
    start(file) {
      emit('start', { file: file.display, bytes: file.bytes });
    },
    progress(file, p) {
      const at = now();
      const final = p.loaded === p.total;
      if (!final && at - (last.get(file.display) ?? -Infinity) < PROGRESS_EVERY_MS) return;
      last.set(file.display, at);
      emit('progress', {
        file: file.display,
        loaded: p.loaded,
        total: p.total,
        partsDone: p.partsDone,
        partsTotal: p.partsTotal,
        bytesPerSecond: Math.round(p.bytesPerSecond),
        etaSeconds: p.etaSeconds === undefined ? null : Math.round(p.etaSeconds),
        uploadId: p.uploadId,
      });
    },
    retry(file, e) {
      emit('retry', {
        file: file.display,
        part: e.part,
        attempt: e.attempt,
        delayMs: e.delayMs,
        error: { name: e.error.name, message: e.error.message },
      });
    },
    urlRefresh(file, e) {
      emit('urlRefresh', { file: file.display, ...e });
    },
    partDone(file, e) {
      if (options.verbose) emit('part', { file: file.display, ...e });
    },
    finish(_file, o) {
      const { status, ...rest } = o;
      emit(status === 'done' ? 'done' : 'error', { ...rest, status });
    },
    note(message) {
      io.stderr.write(`${message}\n`);
    },
    close(outcomes) {
      emit('summary', {
        done: outcomes.filter((o) => o.status === 'done').length,
        failed: outcomes.filter((o) => o.status === 'failed').length,
        interrupted: outcomes.filter((o) => o.status === 'interrupted').length,
      });
    },
  };
}
