// `npm run demo`: two uploads through `upkit-upload`, against a local @upkit/sandbox, offline,
// with no credentials of your own. Storage faults and short URL lifetimes are injected, so that
// retries and URL refreshes show. Runs from source (tsx with the `@upkit/source` condition), so it
// works right after `npm ci`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cadenya } from '@upkit/cadenya-client';
import { redactUrl } from '@upkit/core-http';
import { clientEnvironment, startSandbox, silentLogger } from '@upkit/sandbox';
import { Scenario } from '@upkit/scenario-client';
import { CadenyaUpload } from '@upkit/schemas/cadenya';
import { ScenarioGetUploadResponse } from '@upkit/schemas/scenario';
import { glbBytes } from '@upkit/test-utils';

const MiB = 2 ** 20;
const CLI = fileURLToPath(new URL('../packages/upload-uploader/src/cli/main.ts', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const say = (text: string) => console.log(text);
/** JSON for the terminal: a presigned URL's query string is a secret, so it is redacted. */
const printable = (value: unknown) =>
  JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'string' && /^https?:\/\//.test(v) ? redactUrl(v) : v),
    2,
  );

/** A small, valid one-page PDF. */
function pdfBytes(text: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 18 Tf 72 720 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Runs `upkit-upload` as a user would, on this terminal; resolves to its exit code and stdout. */
function upkitUpload(args: string[], env: Record<string, string>, cwd: string) {
  say(`\n$ upkit-upload ${args.join(' ')}`);
  return new Promise<{ code: number; stdout: string }>((resolve, reject) => {
    // The same node flags as this script (tsx's loader, the source condition).
    const child = spawn(process.execPath, [...process.execArgv, CLI, ...args], {
      cwd,
      env: { ...process.env, ...env },
      // stderr is the terminal's: the live display draws there when it is a TTY.
      stdio: ['inherit', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

/** The upload id in the summary table `upkit-upload` prints on stdout (TTY or not). */
const uploadIdIn = (stdout: string, file: string): string => {
  const row = stdout
    .split('\n')
    .find((line) => line.startsWith(`${file} `) && /\sdone\s/.test(line));
  const id = row?.split(/\s+/)[2];
  if (!id) throw new Error(`upkit-upload printed no result for ${file}`);
  return id;
};

const sandbox = await startSandbox({
  port: 0,
  logger: silentLogger,
  // The clients send the exact wire format: a body the documents refuse fails the demo.
  strict: true,
  scenario: { validatingDelayMs: 300, importDelayMs: 300 },
  faults: {
    seed: 7,
    // About one storage PUT in five fails (a 500, a 503 SlowDown with Retry-After, or a reset
    // mid-body), and each waits 50–200 ms; URLs live 1 s, so the later parts get fresh ones.
    storage: {
      errorRate: 0.1,
      errorStatus: [500, 503],
      rateLimitRate: 0.05,
      retryAfterSeconds: 1,
      resetAfterBytes: 2 * MiB,
      resetRate: 0.05,
      latencyMs: [50, 200],
    },
    urlTtlSeconds: 1,
  },
});
const dir = await mkdtemp(join(tmpdir(), 'upkit-demo-'));
let failed = false;
try {
  say(`upkit demo: a sandbox of both APIs and their storage listens on ${sandbox.url}`);
  say('  storage faults: ~20% of PUTs fail (500, 503 SlowDown, resets); presigned URLs live 1 s');
  const glb = glbBytes(64 * MiB);
  const pdf = pdfBytes('Refunds within 30 days.');
  await writeFile(join(dir, 'robot.glb'), glb);
  await writeFile(join(dir, 'manual.pdf'), pdf);
  say(`  made robot.glb (64 MiB, a valid glTF binary) and manual.pdf (${pdf.length} bytes)`);

  const { scenario, cadenya } = sandbox.credentials;
  const env = clientEnvironment(sandbox, sandbox.credentials);
  const toScenario = await upkitUpload(
    ['robot.glb', '--to', 'scenario', '--kind', 'model', '--concurrency', '2'],
    env,
    dir,
  );
  const toCadenya = await upkitUpload(['manual.pdf', '--to', 'cadenya'], env, dir);
  if (toScenario.code !== 0 || toCadenya.code !== 0) throw new Error('an upload failed');

  const scenarioClient = new Scenario({
    baseURL: sandbox.scenarioBaseUrl,
    apiKey: scenario.apiKey,
    apiSecret: scenario.apiSecret,
  });
  const cadenyaClient = new Cadenya({
    baseURL: sandbox.cadenyaBaseUrl,
    apiKey: cadenya.apiKey,
    workspaceId: cadenya.workspaceId,
  });
  const scenarioId = uploadIdIn(toScenario.stdout, 'robot.glb');
  const cadenyaId = uploadIdIn(toCadenya.stdout, 'manual.pdf');
  // The responses, checked against the seeds' shapes by the shared schemas.
  const retrieved = ScenarioGetUploadResponse.parse(
    await scenarioClient.uploads.retrieve(scenarioId),
  );
  const document = CadenyaUpload.parse(await cadenyaClient.uploads.retrieve(cadenyaId));
  say('\nScenario uploads.retrieve (valid ScenarioGetUploadResponse):');
  say(printable(retrieved));
  say('\nCadenya uploads.retrieve (valid CadenyaUpload):');
  say(printable(document));

  const objects = (
    (await (await fetch(`${sandbox.inspectionUrl}/objects`)).json()) as {
      objects: { key: string; sha256: string }[];
    }
  ).objects;
  for (const [name, id, bytes] of [
    ['robot.glb', scenarioId, glb],
    ['manual.pdf', cadenyaId, pdf],
  ] as const) {
    const stored = objects.find((o) => o.key.includes(id))?.sha256;
    const match = stored === sha256(bytes);
    failed ||= !match;
    say(
      `\n${name}: storage sha256 ${stored} ${match ? 'matches the file' : 'DIFFERS FROM THE FILE'}`,
    );
  }
  say(failed ? '\nThe demo failed.' : '\nDone.');
} finally {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
