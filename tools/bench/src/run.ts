import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ratio, type Benchmark, type Measurement } from './benchmark.js';

const benchmarksDir = fileURLToPath(new URL('./benchmarks/', import.meta.url));
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

/** Runs every `benchmarks/*.bench.ts` (or only those whose file name contains an argument). */
async function main(filters: string[]): Promise<void> {
  const files = readdirSync(benchmarksDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort();
  const results: { benchmark: string; measurements: (Measurement & { ratio?: number })[] }[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(benchmarksDir + file).href)) as { default: Benchmark };
    process.stdout.write(`\n## ${mod.default.name} (${file})\n`);
    const measurements = (await mod.default.run()).map((m) => ({ ...m, ratio: ratio(m) }));
    process.stdout.write(formatTable(measurements));
    results.push({ benchmark: mod.default.name, measurements });
  }
  mkdirSync(resultsDir, { recursive: true });
  const report = {
    node: process.version,
    cpus: availableParallelism(),
    date: new Date().toISOString(),
    results,
  };
  writeFileSync(resultsDir + 'latest.json', JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(`\nwrote ${resultsDir}latest.json\n`);
}

/** A Markdown table: one row per figure, its baseline and the ratio beside it. */
function formatTable(
  measurements: readonly (Measurement & { ratio?: number | undefined })[],
): string {
  const header = ['measurement', 'value', 'baseline', 'baseline value', 'ratio', 'target'];
  const rows = measurements.map((m) => [
    m.name,
    `${round(m.value)} ${m.unit}`,
    m.baseline?.name ?? '',
    m.baseline ? `${round(m.baseline.value)} ${m.unit}` : '',
    m.ratio === undefined ? '' : `${m.ratio}×`,
    m.target ?? '',
  ]);
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |\n`;
  return '\n' + line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

await main(process.argv.slice(2));
