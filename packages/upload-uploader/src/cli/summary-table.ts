import type { FileOutcome } from './file-outcome.js';

/** The end-of-run table: one row per file, with its status, ids and seconds taken. */
export function summaryTable(outcomes: readonly FileOutcome[]): string {
  const header = ['file', 'status', 'upload id', 'entity id', 'seconds'];
  const rows = outcomes.map((o) => [
    o.file,
    o.status,
    o.uploadId ?? '—',
    o.entityId ?? '—',
    o.seconds.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const failed = outcomes.filter((o) => o.status !== 'done').length;
  const total = `${outcomes.length - failed} of ${outcomes.length} done${failed ? `, ${failed} not` : ''}`;
  return [line(header), ...rows.map(line), total].join('\n') + '\n';
}
