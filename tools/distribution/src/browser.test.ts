// The uploader and both clients in a real browser (Debian's Chromium, driven by playwright-core):
// pages bundled by esbuild upload a ~20 MiB File to the sandbox, from another origin, so that
// CORS is real. Each checks the progress events, the sandbox's stored sha256, and that no
// Authorization header reached storage.
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startSandbox, silentLogger, type Sandbox } from '@upkit/sandbox';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageConfig, PageOutcome } from './browser/page-harness.js';

const CHROMIUM = process.env['UPKIT_CHROMIUM'] ?? '/usr/bin/chromium';
const MiB = 2 ** 20;
const PAGES = ['cadenya', 'scenario'] as const;

let sandbox: Sandbox | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let pageOrigin: string;

/** Each page's script, bundled for browsers from the packages' sources. */
async function bundle(name: (typeof PAGES)[number]): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`./browser/${name}-page.ts`, import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@upkit/source'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    logger: silentLogger,
    strict: true,
    scenario: { validatingDelayMs: 10, importDelayMs: 10 },
  });
  const scripts = Object.fromEntries(
    await Promise.all(PAGES.map(async (p) => [p, await bundle(p)])),
  );
  // The pages' own origin: another port, so every API and storage call is cross-origin.
  server = createServer((req, res) => {
    const name = /^\/(\w+)\.(html|js)$/.exec(req.url ?? '');
    const script = name && scripts[name[1]!];
    if (!name || script === undefined) return void res.writeHead(404).end();
    if (name[2] === 'js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!doctype html><meta charset="utf-8"><script type="module" src="/${name[1]}.js"></script>`,
        );
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await sandbox?.close();
});

describe.each(PAGES)('in Chromium, the %s page', (name) => {
  it('uploads a 20 MiB File across origins: progress to 100%, the stored sha256, no Authorization to storage', async () => {
    const s = sandbox!;
    await fetch(`${s.inspectionUrl}/requests`, { method: 'DELETE' });
    const config: PageConfig = {
      scenarioBaseUrl: s.scenarioBaseUrl,
      scenarioApiKey: s.credentials.scenario.apiKey,
      scenarioApiSecret: s.credentials.scenario.apiSecret,
      cadenyaBaseUrl: s.cadenyaBaseUrl,
      cadenyaApiKey: s.credentials.cadenya.apiKey,
      cadenyaWorkspaceId: s.credentials.cadenya.workspaceId,
      bytes: 20 * MiB,
    };
    const page = await browser!.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${pageOrigin}/${name}.html#${encodeURIComponent(JSON.stringify(config))}`);
    await page.waitForFunction(() => window.done === true, undefined, { timeout: 110_000 });
    const outcome = (await page.evaluate(() => window.outcome)) as PageOutcome;
    await page.close();
    expect(consoleErrors).toEqual([]);
    expect(outcome.error).toBeUndefined();
    const { result, digest, progress } = outcome;
    expect(result!.status).toBe(name === 'cadenya' ? 'UPLOAD_STATUS_COMPLETE' : 'imported');
    // The sha256 the uploader computed is the file's, and the one storage holds.
    expect(result!.sha256).toBe(digest);
    const { objects } = (await (await fetch(`${s.inspectionUrl}/objects`)).json()) as {
      objects: { key: string; sha256: string }[];
    };
    expect(objects.find((o) => o.key.includes(result!.uploadId))?.sha256).toBe(digest);
    // Progress: never backwards, ending at exactly the size (how many events depends on speed).
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.loaded).toBeGreaterThanOrEqual(progress[i - 1]!.loaded);
    }
    expect(progress.at(-1)).toEqual({ loaded: config.bytes, total: config.bytes });
    // Storage saw the PUTs (from the page's origin), none with an Authorization header.
    const { requests } = (await (await fetch(`${s.inspectionUrl}/requests`)).json()) as {
      requests: { routeClass: string; method: string; authorization: boolean; status: number }[];
    };
    const puts = requests.filter((r) => r.routeClass === 'storage' && r.method === 'PUT');
    expect(puts.length).toBe(name === 'cadenya' ? 1 : 3);
    expect(puts.every((r) => !r.authorization && r.status === 200)).toBe(true);
  });
});
