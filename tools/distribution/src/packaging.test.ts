// The distribution suite: a real release (changeset version, builds), published to a real
// Verdaccio on 127.0.0.1, then installed one package at a time in fresh projects outside the
// repository, as the design card's three users do.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEEDS, seedExample } from '@upkit/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer } from './consumer.js';
import { publishAll, releaseCopy, type ReleasedPackage } from './release-copy.js';
import { startRegistry, type Registry } from './verdaccio.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

let dir: string;
let registry: Registry | undefined;
let packages: ReleasedPackage[];
let version: string;
let published: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upkit-distribution-'));
  registry = await startRegistry(join(dir, 'registry'));
  const release = await releaseCopy(REPO, dir);
  packages = release.packages;
  version = packages[0]!.version;
  published = await publishAll(release.root, registry.npmrc, dir);
}, 600_000);

afterAll(async () => {
  await registry?.close();
  await rm(dir, { recursive: true, force: true });
});

const consumer = (name: string) => createConsumer(dir, name, registry!.npmrc);
/** Every dev dependency of every package: none may reach a user's tree unless also a dependency. */
const devOnly = () => {
  const declared = new Set(packages.flatMap((p) => Object.keys(p.dependencies)));
  // Our own packages are checked by name, test by test.
  return packages
    .flatMap((p) => Object.keys(p.devDependencies))
    .filter((d) => !declared.has(d) && !d.startsWith('@upkit/'));
};

describe('the release', () => {
  it('versions every package together (the fixed group) with a CHANGELOG, and publishes them all', async () => {
    expect(version).not.toBe('0.0.0');
    expect(new Set(packages.map((p) => p.version))).toEqual(new Set([version]));
    expect(packages.map((p) => p.name).sort()).toEqual([
      '@upkit/cadenya-client',
      '@upkit/codegen',
      '@upkit/core-http',
      '@upkit/sandbox',
      '@upkit/scenario-client',
      '@upkit/schemas',
      '@upkit/upload-uploader',
    ]);
    // changeset publish says what it published, and tags each.
    for (const pkg of packages) expect(published).toContain(`${pkg.name}@${version}`);
    for (const pkg of packages) {
      expect(await readFile(join(pkg.dir, 'CHANGELOG.md'), 'utf8'), pkg.name).toContain(
        `## ${version}`,
      );
      const res = await fetch(`${registry!.url}${pkg.name.replace('/', '%2f')}`);
      expect(res.status, pkg.name).toBe(200);
      const meta = (await res.json()) as { 'dist-tags': { latest: string } };
      expect(meta['dist-tags'].latest, pkg.name).toBe(version);
    }
  });
});

describe('npm install @upkit/cadenya-client, alone', () => {
  let app: Awaited<ReturnType<typeof consumer>>;
  beforeAll(async () => {
    app = await consumer('cadenya-app');
    await app.install(`@upkit/cadenya-client@${version}`);
    await app.write('seed.json', JSON.stringify(seedExample(SEEDS.cadenya)));
  }, 300_000);

  it('works from ESM and from CommonJS: a client is built and a seed payload parsed', async () => {
    const esm = await app.node([
      '--input-type=module',
      '-e',
      `import { Cadenya, VERSION } from '@upkit/cadenya-client';
       import { CadenyaUpload } from '@upkit/schemas/cadenya';
       import { readFileSync } from 'node:fs';
       const client = new Cadenya({ apiKey: 'k', workspaceId: 'workspace_1' });
       const upload = CadenyaUpload.parse(JSON.parse(readFileSync('seed.json', 'utf8')));
       console.log(VERSION, client.workspaceId, typeof client.uploads.retrieve, upload.metadata.id);`,
    ]);
    const seedId = (seedExample(SEEDS.cadenya) as { metadata: { id: string } }).metadata.id;
    expect(esm.output.trim()).toBe(`${version} workspace_1 function ${seedId}`);
    const cjs = await app.node([
      '-e',
      `const { Cadenya, VERSION } = require('@upkit/cadenya-client');
       const { CadenyaUpload } = require('@upkit/schemas/cadenya');
       const client = new Cadenya({ apiKey: 'k', workspaceId: 'workspace_1' });
       const upload = CadenyaUpload.parse(require('./seed.json'));
       console.log(VERSION, client.workspaceId, typeof client.uploads.retrieve, upload.metadata.id);`,
    ]);
    expect(cjs.output.trim()).toBe(esm.output.trim());
  });

  it('pulls in only what it declares: no other client, no sandbox, no dev dependency', async () => {
    const names = await app.installedNames();
    expect(names).toContain('@upkit/cadenya-client');
    expect(names).toContain('@upkit/core-http');
    expect(names).toContain('@upkit/schemas');
    for (const absent of [
      '@upkit/scenario-client',
      '@upkit/sandbox',
      '@upkit/upload-uploader',
      '@upkit/codegen',
    ]) {
      expect(names, absent).not.toContain(absent);
    }
    for (const dev of devOnly()) expect(names, dev).not.toContain(dev);
  });

  it.each(['node16', 'nodenext', 'bundler'])(
    'type-checks a consumer under moduleResolution %s, and refuses one that misuses the API',
    async (resolution) => {
      const module = resolution === 'bundler' ? 'esnext' : resolution;
      await app.write(
        `tsconfig.${resolution}.json`,
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            strict: true,
            noEmit: true,
            types: [],
            skipLibCheck: false,
          },
          files: ['good.mts'],
        }),
      );
      await app.write(
        'good.mts',
        `import { Cadenya, isAPIError, type CadenyaOptions } from '@upkit/cadenya-client';
         const options: CadenyaOptions = { apiKey: 'k' };
         const client = new Cadenya(options);
         export const id: Promise<string> = client.uploads
           .retrieve('upload_1', { workspaceId: 'w' })
           .then((upload) => upload.metadata.id);
         export const check = (e: unknown): boolean => isAPIError(e) && e.status === 404;
        `,
      );
      const good = await app.node([TSC, '-p', `tsconfig.${resolution}.json`], {
        allowFailure: true,
      });
      expect(good.code, good.output).toBe(0);
      await app.write(
        'good.mts',
        `import { Cadenya } from '@upkit/cadenya-client';
         const client = new Cadenya({ apiKey: 42 });
         export const id: Promise<number> = client.uploads.retrieve('upload_1').then((u) => u.metadata.id);
        `,
      );
      const bad = await app.node([TSC, '-p', `tsconfig.${resolution}.json`], {
        allowFailure: true,
      });
      expect(bad.code).not.toBe(0);
      expect(bad.output).toMatch(/TS2322/);
    },
  );
});

describe('a service that installs only @upkit/schemas', () => {
  it('validates a webhook payload with the zod/mini entry and with /classic', async () => {
    const app = await consumer('schemas-app');
    await app.install(`@upkit/schemas@${version}`);
    await app.write('seed.json', JSON.stringify(seedExample(SEEDS.scenario)));
    const result = await app.node([
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs';
       import * as mini from '@upkit/schemas/scenario';
       import * as classic from '@upkit/schemas/scenario/classic';
       const payload = JSON.parse(readFileSync('seed.json', 'utf8'));
       const a = mini.ScenarioGetUploadResponse.parse(payload);
       const b = classic.ScenarioGetUploadResponse.parse(payload);
       const bad = mini.ScenarioGetUploadResponse.safeParse({ upload: { id: 1 } });
       console.log(a.upload.id === b.upload.id, bad.success);`,
    ]);
    expect(result.output.trim()).toBe('true false');
    const names = await app.installedNames();
    expect([...names].filter((n) => n.startsWith('@upkit/'))).toEqual(['@upkit/schemas']);
    for (const dev of devOnly()) expect(names, dev).not.toContain(dev);
  });
});

describe('the command-line tools, from the installed packages', () => {
  it('npx upkit-upload --help, npx upkit-sandbox --help and npx upkit-codegen --help run', async () => {
    const app = await consumer('bins-app');
    await app.install(
      `@upkit/upload-uploader@${version}`,
      `@upkit/sandbox@${version}`,
      `@upkit/codegen@${version}`,
    );
    for (const [bin, expected] of [
      ['upkit-upload', /Usage: upkit-upload/],
      ['upkit-sandbox', /Usage: upkit-sandbox/],
      ['upkit-codegen', /upkit-codegen/],
    ] as const) {
      const result = await app.npx([bin, '--help']);
      expect(result.code, `${bin}: ${result.output}`).toBe(0);
      expect(result.output).toMatch(expected);
    }
  });
});

describe('a build that generates types from the shipped OpenAPI documents', () => {
  it('runs upkit-codegen on the document inside @upkit/schemas, and compiles against what it generated', async () => {
    const app = await consumer('codegen-app');
    await app.install(`@upkit/schemas@${version}`, `@upkit/codegen@${version}`, 'zod@^4.6.7');
    const generated = await app.npx([
      'upkit-codegen',
      'node_modules/@upkit/schemas/openapi/cadenya.yaml',
      '--out',
      'gen',
      '--prefix',
      'Acme',
    ]);
    expect(generated.code, generated.output).toBe(0);
    await app.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          outDir: 'out',
          types: [],
          resolveJsonModule: true,
        },
        files: ['main.mts'],
      }),
    );
    await app.write(
      'main.mts',
      `import { AcmeUpload } from './gen/index.js';
       declare const process: { stdout: { write(text: string): void } };
       const payload: unknown = ${JSON.stringify(seedExample(SEEDS.cadenya))};
       const upload = AcmeUpload.parse(payload);
       const name: string = upload.metadata.name;
       process.stdout.write(name);
      `,
    );
    const compiled = await app.node([TSC, '-p', 'tsconfig.json'], { allowFailure: true });
    expect(compiled.code, compiled.output).toBe(0);
    const ran = await app.node(['out/main.mjs']);
    const seed = seedExample(SEEDS.cadenya) as { metadata: { name: string } };
    expect(ran.output).toBe(seed.metadata.name);
  });
});
