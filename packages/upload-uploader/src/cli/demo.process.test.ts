// `npm run demo`, the README's first command, run as a new user runs it: in a pipe, and on a
// terminal (a pseudo-terminal from util-linux `script`).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { DEFAULT_CREDENTIALS } from '@upkit/sandbox';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// A hang guard only: the demo takes seconds.
const LIMIT = 120_000;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const secrets = [
  DEFAULT_CREDENTIALS.scenario.apiKey,
  DEFAULT_CREDENTIALS.scenario.apiSecret,
  DEFAULT_CREDENTIALS.cadenya.apiKey,
];

describe('npm run demo', () => {
  it(
    'uploads a GLB to Scenario and a PDF to Cadenya through upkit-upload, through faults, and checks both',
    async () => {
      const { code, output } = await run('npm', ['run', 'demo']);
      expect(code, output).toBe(0);
      expect(output).toContain('$ upkit-upload robot.glb --to scenario --kind model');
      expect(output).toContain('$ upkit-upload manual.pdf --to cadenya');
      expect(output).toMatch(/^start robot\.glb \(64 MiB\)$/m);
      expect(output).toMatch(/^robot\.glb 100% /m);
      expect(output).toMatch(
        /^done robot\.glb in [\d.]+ s: upload upload_\w+, entity model_\w+, sha256 [0-9a-f]{64}/m,
      );
      expect(output).toMatch(
        /^done manual\.pdf in [\d.]+ s: upload upload_\w+, sha256 [0-9a-f]{64}/m,
      );
      // The retrieve results, validated against the seeds' shapes.
      expect(output).toContain('Scenario uploads.retrieve (valid ScenarioGetUploadResponse):');
      expect(output).toContain('"status": "imported"');
      expect(output).toContain('Cadenya uploads.retrieve (valid CadenyaUpload):');
      expect(output).toContain('"status": "UPLOAD_STATUS_COMPLETE"');
      expect(output).toMatch(/robot\.glb: storage sha256 [0-9a-f]{64} matches the file/);
      expect(output).toMatch(/manual\.pdf: storage sha256 [0-9a-f]{64} matches the file/);
      expect(output.trimEnd().endsWith('Done.')).toBe(true);
      // A presigned URL's signature and the credentials never reach the terminal.
      expect(output).not.toMatch(/X-Amz-Signature=[0-9a-f]/);
      for (const secret of secrets) expect(output).not.toContain(secret);
    },
    LIMIT,
  );

  it(
    'on a terminal, shows the live display, each upload ending on a 100% frame',
    async () => {
      const { code, output } = await run('script', ['-qfec', 'npm run demo', '/dev/null'], {
        COLUMNS: '120',
      });
      expect(code, output).toBe(0);
      // Frames are redrawn in place with cursor controls.
      expect(output).not.toBe(stripVTControlCharacters(output));
      const screen = stripVTControlCharacters(output);
      const runs = screen.split('$ upkit-upload ').slice(1);
      expect(runs).toHaveLength(2);
      for (const part of runs) {
        const frames = part.split(/\r|\n/).filter((line) => line.startsWith('total (1/1 files)'));
        expect(frames.at(-1), part).toMatch(/█{24}\s+100% /);
      }
      // (npm's spinner may leave a character after it.)
      expect(screen).toMatch(/^Done\.\r?$/m);
    },
    LIMIT,
  );
});
