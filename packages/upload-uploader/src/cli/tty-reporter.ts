import cliProgress from 'cli-progress';
import { formatBytes } from '../size/parse-size.js';
import type { CliIo } from './cli-io.js';
import { formatEta, formatSpeed, partLine, percent, retryLine, urlRefreshLine } from './format.js';
import { outcomeLine } from './plain-reporter.js';
import type { Reporter, ReportedFile } from './reporter.js';
import { summaryTable } from './summary-table.js';

/** What each bar's line shows beside the bar. */
interface BarPayload {
  label: string;
  loaded: number;
  total: number;
  speed: number;
  eta: number | undefined;
  retries: number;
  refreshes: number;
}

const LABEL_WIDTH = 28;

const fit = (label: string): string =>
  label.length <= LABEL_WIDTH ? label.padEnd(LABEL_WIDTH) : `…${label.slice(-(LABEL_WIDTH - 1))}`;

/** One bar's line: label, bar, percentage, bytes, speed, ETA, then retries and refreshes if any. */
function formatLine(
  options: cliProgress.Options,
  params: cliProgress.Params,
  payload: BarPayload,
): string {
  const pct = percent(payload.loaded, payload.total);
  const bar = cliProgress.Format.BarFormat(pct / 100, options);
  const extras = [
    payload.retries ? `${payload.retries} retr${payload.retries === 1 ? 'y' : 'ies'}` : '',
    payload.refreshes
      ? `${payload.refreshes} URL refresh${payload.refreshes === 1 ? '' : 'es'}`
      : '',
  ].filter(Boolean);
  void params;
  return [
    fit(payload.label),
    bar,
    `${String(pct).padStart(3)}%`,
    `${formatBytes(payload.loaded)}/${formatBytes(payload.total)}`.padEnd(21),
    formatSpeed(payload.speed).padStart(12),
    `ETA ${formatEta(pct === 100 ? 0 : payload.eta)}`.padEnd(10),
    extras.join(', '),
  ]
    .join(' ')
    .trimEnd();
}

/**
 * The live display on a terminal (stderr): a bar per file in flight and one for the total, with
 * percentage, bytes, speed, ETA, retries and URL refreshes, redrawn at most 10 times a second by
 * cli-progress (which rewrites lines in place, so nothing flickers). Finished files leave a line
 * above the bars; the summary goes to stdout at the end.
 */
export function ttyReporter(
  io: CliIo,
  options: { verbose: boolean; totalBytes: number; files: number },
): Reporter {
  const multibar = new cliProgress.MultiBar(
    {
      stream: io.stderr,
      fps: 10,
      barsize: 24,
      hideCursor: true,
      // Ctrl-C is the CLI's to handle (abort, save, print the resume command).
      gracefulExit: false,
      clearOnComplete: false,
      stopOnComplete: false,
      emptyOnZero: true,
      format: formatLine as unknown as cliProgress.GenericFormatter,
      barCompleteChar: '█',
      barIncompleteChar: '░',
    },
    cliProgress.Presets.shades_classic,
  );
  const totals = { loaded: new Map<string, number>(), retries: 0, refreshes: 0, finished: 0 };
  const totalPayload = (): BarPayload => ({
    label: `total (${totals.finished}/${options.files} files)`,
    loaded: [...totals.loaded.values()].reduce((a, b) => a + b, 0),
    total: options.totalBytes,
    speed: totalSpeed(),
    eta: undefined,
    retries: totals.retries,
    refreshes: totals.refreshes,
  });
  const speeds = new Map<string, number>();
  const startedAt = Date.now();
  // The files in flight, or once none is, the average of the whole run.
  const totalSpeed = () => {
    if (speeds.size) return [...speeds.values()].reduce((a, b) => a + b, 0);
    const seconds = (Date.now() - startedAt) / 1000;
    const loaded = [...totals.loaded.values()].reduce((a, b) => a + b, 0);
    return seconds > 0 ? loaded / seconds : 0;
  };
  const total = multibar.create(Math.max(1, options.totalBytes), 0, totalPayload());
  const bars = new Map<string, { bar: cliProgress.SingleBar; payload: BarPayload }>();

  const redrawTotal = () => {
    const payload = totalPayload();
    const remaining = payload.total - payload.loaded;
    payload.eta = payload.speed > 0 ? remaining / payload.speed : undefined;
    total.update(payload.loaded, payload);
  };
  const bump = (file: ReportedFile, change: (payload: BarPayload) => void) => {
    const entry = bars.get(file.display);
    if (!entry) return;
    change(entry.payload);
    entry.bar.update(entry.payload.loaded, entry.payload);
  };

  return {
    start(file) {
      const payload: BarPayload = {
        label: file.display,
        loaded: 0,
        total: file.bytes,
        speed: 0,
        eta: undefined,
        retries: 0,
        refreshes: 0,
      };
      // Below the total's bar, in the order the files started.
      const bar = multibar.create(Math.max(1, file.bytes), 0, payload, {});
      bars.set(file.display, { bar, payload });
      totals.loaded.set(file.display, 0);
    },
    progress(file, p) {
      bump(file, (payload) => {
        payload.loaded = p.loaded;
        payload.speed = p.bytesPerSecond;
        payload.eta = p.etaSeconds;
      });
      speeds.set(file.display, p.bytesPerSecond);
      totals.loaded.set(file.display, p.loaded);
      redrawTotal();
    },
    retry(file, e) {
      totals.retries++;
      bump(file, (payload) => payload.retries++);
      if (options.verbose) multibar.log(`${retryLine(file, e)}\n`);
      redrawTotal();
    },
    urlRefresh(file, e) {
      totals.refreshes++;
      bump(file, (payload) => payload.refreshes++);
      if (options.verbose) multibar.log(`${urlRefreshLine(file, e)}\n`);
      redrawTotal();
    },
    partDone(file, e) {
      if (options.verbose) multibar.log(`${partLine(file, e)}\n`);
    },
    finish(file, o) {
      const entry = bars.get(file.display);
      if (entry) {
        multibar.remove(entry.bar);
        bars.delete(file.display);
      }
      speeds.delete(file.display);
      totals.finished++;
      if (o.status === 'done') totals.loaded.set(file.display, file.bytes);
      multibar.log(`${outcomeLine(o)}\n`);
      redrawTotal();
    },
    note(message) {
      multibar.log(`${message}\n`);
    },
    close(outcomes) {
      redrawTotal();
      // Writes the lines logged since the last frame, then the final frame.
      multibar.update();
      multibar.stop();
      io.stdout.write(`\n${summaryTable(outcomes)}`);
    },
  };
}
