import { formatBytes } from '../size/parse-size.js';
import type { CliIo } from './cli-io.js';
import { formatSpeed, partLine, percent, retryLine, urlRefreshLine } from './format.js';
import type { FileOutcome } from './file-outcome.js';
import type { Reporter } from './reporter.js';
import { summaryTable } from './summary-table.js';

/**
 * Plain lines, for logs and pipes: one per file at its start and its end, one each time a file
 * passes another 10%, and the summary. `--verbose` adds parts, retries and URL refreshes.
 */
export function plainReporter(io: CliIo, options: { verbose: boolean }): Reporter {
  const tenths = new Map<string, number>();
  const out = (line: string) => io.stdout.write(`${line}\n`);
  return {
    start(file) {
      tenths.set(file.display, 0);
      out(`start ${file.display} (${formatBytes(file.bytes)})`);
    },
    progress(file, p) {
      const pct = percent(p.loaded, p.total);
      const tenth = Math.floor(pct / 10);
      if (tenth <= (tenths.get(file.display) ?? 0)) return;
      tenths.set(file.display, tenth);
      out(
        `${file.display} ${tenth * 10}% (${formatBytes(p.loaded)} of ${formatBytes(p.total)}, ${formatSpeed(p.bytesPerSecond)})`,
      );
    },
    retry(file, e) {
      if (options.verbose) out(retryLine(file, e));
    },
    urlRefresh(file, e) {
      if (options.verbose) out(urlRefreshLine(file, e));
    },
    partDone(file, e) {
      if (options.verbose) out(partLine(file, e));
    },
    finish(_file, o) {
      out(outcomeLine(o));
    },
    note(message) {
      io.stderr.write(`${message}\n`);
    },
    close(outcomes) {
      io.stdout.write(`\n${summaryTable(outcomes)}`);
    },
  };
}

/** A file's last line: what it became, or why not. */
export function outcomeLine(o: FileOutcome): string {
  if (o.status === 'done') {
    const entity = o.entityId ? `, entity ${o.entityId}` : '';
    const extras = [
      o.resumedParts ? `${o.resumedParts} part${o.resumedParts === 1 ? '' : 's'} resumed` : '',
      o.retries ? `${o.retries} ${o.retries === 1 ? 'retry' : 'retries'}` : '',
      o.urlRefreshes ? `${o.urlRefreshes} URL refresh${o.urlRefreshes === 1 ? '' : 'es'}` : '',
    ].filter(Boolean);
    return `done ${o.file} in ${o.seconds.toFixed(1)} s: upload ${o.uploadId}${entity}, sha256 ${o.sha256}${extras.length ? ` (${extras.join(', ')})` : ''}`;
  }
  return `${o.status} ${o.file}: ${o.error}`;
}
