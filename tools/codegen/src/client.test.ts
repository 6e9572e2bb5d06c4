import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { fallbackMethod } from './client/client-methods.js';
import { CodegenError } from './errors/codegen-error.js';
import { generateClient } from './generate-client.js';
import type { IrOperation } from './ir/ir.js';
import { runCli } from './run-cli.js';
import { CLIENT_GOLDEN, scratchDir } from './testing/fixtures.js';

const schemasPackage = fileURLToPath(new URL('../../../packages/schemas/', import.meta.url));

function capture() {
  const io = { out: '', err: '' };
  return {
    io,
    cli: { stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) },
  };
}

describe('the client emitter', () => {
  it('matches the checked-in golden and is deterministic', async () => {
    const first = await generateClient(CLIENT_GOLDEN);
    const second = await generateClient(CLIENT_GOLDEN);
    expect([...first.files.keys()]).toEqual(['resources.ts']);
    expect(second.files).toEqual(first.files);
    await expect(first.files.get('resources.ts')).toMatchFileSnapshot(
      '__golden__/client/resources.ts',
    );
  });

  it('names methods from x-upkit-method, else from the first tag (or path) and the operationId', () => {
    const op = (over: Partial<IrOperation>) => ({ tags: [], path: '/x', ...over }) as IrOperation;
    expect(
      fallbackMethod(op({ operationId: 'UploadService_GetUpload', tags: ['UploadService'] })),
    ).toBe('uploadService.getUpload');
    expect(fallbackMethod(op({ operationId: 'createUpload', tags: ['Memory Entries'] }))).toBe(
      'memoryEntries.createUpload',
    );
    expect(
      fallbackMethod(op({ operationId: 'get.thing', path: '/v1/workspaces/{w}/uploads/{id}' })),
    ).toBe('uploads.thing');
  });

  it('splits params into path, query and body for ctx.request, filling client defaults', async () => {
    const dir = scratchDir('client/runtime');
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(dir, 'client'), { recursive: true });
    const golden = fileURLToPath(new URL('./__golden__/', import.meta.url));
    // The golden imports its schemas as ../uploads-3.1: copy both, side by side.
    for (const sub of ['client', 'uploads-3.1']) {
      await mkdir(join(dir, sub), { recursive: true });
      for (const file of sub === 'client'
        ? ['resources.ts']
        : ['operations.ts', 'standard.ts', 'standard-runtime.ts', 'enums.ts']) {
        const text = await readFile(join(golden, sub, file), 'utf8');
        await writeFile(join(dir, sub, file), text);
      }
    }
    const calls: unknown[][] = [];
    const { createResources } = (await import(join(dir, 'client', 'resources.ts'))) as {
      createResources(ctx: unknown): Record<string, Record<string, (...a: unknown[]) => unknown>>;
    };
    let workspace: string | undefined = 'ws_default';
    const resources = createResources({
      request: (...args: unknown[]) => {
        calls.push(args);
        return Promise.resolve('result');
      },
      pathDefaults: { workspaceId: () => workspace },
      queryDefaults: { limit: () => 50 },
    });
    const ops = (await import(join(dir, 'uploads-3.1', 'operations.ts'))) as Record<
      string,
      unknown
    >;
    const signal = new AbortController().signal;
    await resources.uploads!.retrieve!('up/1', {}, { signal });
    await resources.uploads!.retrieve!('up/2', { workspaceId: 'ws_given' });
    await resources.uploads!.list!({ status: 'pending' });
    await resources.uploads!.list!({ limit: 0, 'sort.order': 'asc', workspaceId: 'ws_given' });
    await resources.uploads!.create!({ fileName: 'a', status: 'pending' });
    await resources.uploads!.create!(
      { fileName: 'b', status: 'pending', workspaceId: 'ws_given' },
      { signal },
    );
    await resources.uploads!.complete!('up/4', { action: 'complete' });
    await resources.pets!.createPet!();
    await resources.shapes!.putShape!({ kind: 'circle', radius: 1 });
    workspace = undefined;
    await resources.uploads!.retrieve!('up/3');
    await (resources.trees as unknown as { events: Record<string, (id: string) => unknown> }).events
      .stream!('t1');
    expect(calls).toEqual([
      [ops.getUpload, { path: { workspaceId: 'ws_default', id: 'up/1' } }, { signal }],
      [ops.getUpload, { path: { workspaceId: 'ws_given', id: 'up/2' } }, undefined],
      [
        ops.listUploads,
        {
          path: { workspaceId: 'ws_default' },
          query: { status: 'pending', limit: 50, 'sort.order': undefined },
        },
        undefined,
      ],
      [
        ops.listUploads,
        {
          path: { workspaceId: 'ws_given' },
          // A given 0 is kept: only a missing value takes the client's.
          query: { status: undefined, limit: 0, 'sort.order': 'asc' },
        },
        undefined,
      ],
      [
        ops.createUpload,
        { path: { workspaceId: 'ws_default' }, body: { fileName: 'a', status: 'pending' } },
        undefined,
      ],
      // The body is what is left once the parameters are taken out.
      [
        ops.createUpload,
        { path: { workspaceId: 'ws_given' }, body: { fileName: 'b', status: 'pending' } },
        { signal },
      ],
      [
        ops.completeUpload,
        { path: { workspaceId: 'ws_default', id: 'up/4' }, body: { action: 'complete' } },
        undefined,
      ],
      [ops.createPet, { body: undefined }, undefined],
      [ops.putShape, { body: { kind: 'circle', radius: 1 } }, undefined],
      // No value anywhere: passed on as undefined, for core-http to refuse before sending.
      [ops.getUpload, { path: { workspaceId: undefined, id: 'up/3' } }, undefined],
      [ops.streamTreeEvents, { path: { id: 't1' } }, undefined],
    ]);
    expect(Object.keys(resources)).toEqual(['uploads', 'pets', 'shapes', 'trees']);
  });

  it('refuses clashing method names and unknown default parameters', async () => {
    const dir = scratchDir('client/clash');
    await mkdir(dir, { recursive: true });
    const spec = (ops: string) =>
      `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n${ops}`;
    const clash = join(dir, 'clash.yaml');
    await writeFile(
      clash,
      spec(
        `  /a:\n    get: { operationId: a, x-upkit-method: things.get, responses: { '204': { description: x } } }\n` +
          `  /b:\n    get: { operationId: b, x-upkit-method: things.get, responses: { '204': { description: x } } }\n`,
      ),
    );
    await expect(generateClient({ input: clash, schemasModule: 'm' })).rejects.toThrow(
      /a and b would both be the client method things\.get/,
    );
    const both = join(dir, 'both.yaml');
    await writeFile(
      both,
      spec(
        `  /a:\n    get: { operationId: a, x-upkit-method: things.list, responses: { '204': { description: x } } }\n` +
          `  /b:\n    get: { operationId: b, x-upkit-method: things.list.all, responses: { '204': { description: x } } }\n`,
      ),
    );
    await expect(generateClient({ input: both, schemasModule: 'm' })).rejects.toThrow(
      /things\.list is both a method \(a\) and a resource/,
    );
    const bad = join(dir, 'bad.yaml');
    await writeFile(
      bad,
      spec(
        `  /a:\n    get: { operationId: a, x-upkit-method: list, responses: { '204': { description: x } } }\n`,
      ),
    );
    await expect(generateClient({ input: bad, schemasModule: 'm' })).rejects.toThrow(CodegenError);
    await expect(generateClient({ ...CLIENT_GOLDEN, pathDefaults: ['workspace'] })).rejects.toThrow(
      /--client-path-default workspace: no operation has a parameter of that name/,
    );
  });

  it('places the inputs as Stainless SDKs do: last path parameter positional, the rest in params', async () => {
    const dir = scratchDir('client/shapes');
    await mkdir(dir, { recursive: true });
    const param = (name: string, where = 'path') =>
      `{ name: ${name}, in: ${where}, required: ${where === 'path'}, schema: { type: string } }`;
    const spec = join(dir, 'shapes.yaml');
    await writeFile(
      spec,
      `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /orgs/{orgId}/teams/{teamId}/members:
    post:
      operationId: addMembers
      x-upkit-method: teams.members.add
      parameters: [${param('orgId')}, ${param('teamId')}, ${param('notify', 'query')}]
      requestBody:
        required: true
        content: { application/json: { schema: { type: array, items: { type: string } } } }
      responses: { '204': { description: x } }
  /orgs/{orgId}/teams/{teamId}:
    patch:
      operationId: updateTeam
      x-upkit-method: teams.update
      parameters: [${param('orgId')}, ${param('teamId')}]
      requestBody:
        content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } }
      responses: { '204': { description: x } }
    get:
      operationId: getTeam
      x-upkit-method: teams.retrieve
      parameters: [${param('orgId')}, ${param('teamId')}, ${param('getTeam', 'query')}]
      responses: { '204': { description: x } }
`,
    );
    const code = (await generateClient({ input: spec, schemasModule: 'm' })).files.get(
      'resources.ts',
    )!;
    // An array body cannot be spread: it is params.body, beside the other path parameter.
    expect(code).toMatch(/add\(\s*teamId: string,\s*params: TeamsMembersAddParams,/);
    expect(code).toContain('const { body, orgId, notify } = params;');
    expect(code).toMatch(
      /export interface TeamsMembersAddParams \{[^}]*body: AddMembersBody;\s*orgId: string;/,
    );
    // An optional body beside a parameter is params.body too; orgId keeps params required.
    expect(code).toMatch(/update\(\s*teamId: string,\s*params: TeamsUpdateParams,/);
    expect(code).toMatch(/body\?: UpdateTeamBody \| undefined;/);
    // A local never hides the descriptor it calls.
    expect(code).toContain('const { orgId, getTeam: getTeamParam } = params;');
    expect(code).toContain('getTeam: getTeamParam,');

    const clash = join(dir, 'clash.yaml');
    await writeFile(
      clash,
      `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /uploads:
    post:
      operationId: createUpload
      x-upkit-method: uploads.create
      parameters: [${param('projectId', 'query')}]
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { projectId: { type: string } } } } }
      responses: { '204': { description: x } }
`,
    );
    await expect(generateClient({ input: clash, schemasModule: 'm' })).rejects.toThrow(
      'createUpload (uploads.create): the query parameter "projectId" and the body field "projectId" would both be params.projectId; rename one in the document',
    );
    const named = join(dir, 'named.yaml');
    await writeFile(
      named,
      `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /teams:
    get:
      operationId: listTeams
      x-upkit-method: teams.list
      parameters: [${param('q', 'query')}]
      responses:
        '200':
          description: x
          content: { application/json: { schema: { $ref: '#/components/schemas/TeamsListParams' } } }
components:
  schemas:
    TeamsListParams: { type: object, properties: { q: { type: string } } }
`,
    );
    await expect(generateClient({ input: named, schemasModule: 'm' })).rejects.toThrow(
      'The client would both declare and import TeamsListParams',
    );
  });

  it('works from the CLI, --check included', async () => {
    const out = scratchDir('client/cli');
    await rm(out, { recursive: true, force: true });
    const args = [
      CLIENT_GOLDEN.input,
      '--client',
      '--out',
      out,
      '--schemas-module',
      '@upkit/schemas/uploads',
      '--client-path-default',
      'workspaceId',
    ];
    expect(await runCli(args, capture().cli)).toBe(0);
    expect(await runCli([...args, '--check'], capture().cli)).toBe(0);
    const changed = capture();
    expect(await runCli([...args.slice(0, -2), '--check'], changed.cli)).toBe(1);
    expect(changed.io.err).toContain('changed: resources.ts');
    expect(changed.io.err).toContain('Regenerate with: upkit-codegen');
    const usage = capture();
    expect(await runCli([CLIENT_GOLDEN.input, '--client', '--out', out], usage.cli)).toBe(2);
    expect(usage.io.err).toContain('--client needs --schemas-module');
  });
});

describe('clients generated for the upkit documents', () => {
  const dir = scratchDir('client/real');
  beforeAll(async () => {
    await rm(dir, { recursive: true, force: true });
    for (const [api, prefix, flags] of [
      ['cadenya', 'Cadenya', { pathDefaults: ['workspaceId'] }],
      ['scenario', 'Scenario', { queryDefaults: ['projectId'] }],
    ] as const) {
      await generateClient({
        input: join(schemasPackage, 'openapi', `${api}.yaml`),
        schemasModule: `@upkit/schemas/${api}`,
        prefix,
        outDir: join(dir, api),
        ...flags,
      });
    }
  });

  it('type-check against the real core-http and @upkit/schemas, with the designed signatures', async () => {
    const usage = join(dir, 'usage.ts');
    await writeFile(
      usage,
      `import { expectTypeOf } from 'vitest';
import { createHttpClient } from '@upkit/core-http';
import type { APIPromise } from '@upkit/core-http';
import type * as scenarioSchemas from '@upkit/schemas/scenario/standard';
import type { CadenyaUpload } from '@upkit/schemas/cadenya/standard';
import { createResources as cadenyaResources } from './cadenya/resources.js';
import type { ResourceContext } from './cadenya/resources.js';
import { createResources as scenarioResources } from './scenario/resources.js';

const http = createHttpClient({ baseURL: 'https://api.example.com' });
// core-http's client is a context as it is.
export const direct: ResourceContext = http;
const cadenya = cadenyaResources({ request: http.request.bind(http), pathDefaults: { workspaceId: () => 'ws' } });
const scenario = scenarioResources({ request: http.request.bind(http), queryDefaults: { projectId: () => 'p' } });

export function signatures(): void {
  expectTypeOf(cadenya.uploads.retrieve('upload_1')).toEqualTypeOf<APIPromise<CadenyaUpload>>();
  void cadenya.uploads.retrieve('upload_1', { workspaceId: 'ws_2' }, { timeout: 5 });
  // @ts-expect-error the id is positional and required
  void cadenya.uploads.retrieve();
  // @ts-expect-error workspaceId is a string
  void cadenya.uploads.retrieve('upload_1', { workspaceId: 1 });
  const spec = { filename: 'a.md', contentType: 'text/markdown', sizeBytes: '3' };
  // The vendor's shape: the body's fields and workspaceId in one object, then the options.
  void cadenya.uploads.create({ metadata: { name: 'a.md' }, spec });
  void cadenya.uploads.create({ metadata: { name: 'a.md' }, spec, workspaceId: 'ws_2' }, { timeout: 5 });
  // @ts-expect-error a body with an unknown key does not compile
  void cadenya.uploads.create({ metadata: { name: 'a.md' }, spec, extra: 1 });
  void cadenya.memoryLayers.entries.create('memlyr_1', {
    metadata: { name: 'Refunds' },
    spec: { type: 'uploadId', uploadId: 'upload_1', key: 'refunds' },
    workspaceId: 'ws_2',
  });
  void scenario.uploads.retrieve('upload_1', { projectId: 'proj_1' });
  void scenario.uploads.triggerAction('upload_1', { action: 'complete', projectId: 'proj_1' });
  // @ts-expect-error the action is a closed enum
  void scenario.uploads.triggerAction('upload_1', { action: 'cancel' });
  // Scenario's create body is one type per mode, with projectId beside the fields.
  expectTypeOf<Parameters<typeof scenario.uploads.create>[0]>().toEqualTypeOf<
    (
      | scenarioSchemas.ScenarioCreateMultipartUploadRequest
      | scenarioSchemas.ScenarioCreateUrlUploadRequest
      | scenarioSchemas.ScenarioCreateHuggingFaceUploadRequest
      | scenarioSchemas.ScenarioCreateCivitaiUploadRequest
    ) & { projectId?: string | undefined }
  >();
  void scenario.uploads.create({ url: 'https://example.org/a.png', kind: 'image' });
  void scenario.uploads.create({ url: 'https://example.org/a.png', kind: 'image', projectId: 'p' });
  // @ts-expect-error no mode: the URL mode needs its kind
  void scenario.uploads.create({ url: 'https://example.org/a.png' });
}
`,
    );
    const program = ts.createProgram({
      rootNames: [usage],
      options: {
        strict: true,
        noUncheckedIndexedAccess: true,
        noUnusedLocals: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        customConditions: ['@upkit/source'],
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        types: [],
        noEmit: true,
        skipLibCheck: true,
      },
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + ` (${d.file?.fileName})`);
    expect(diagnostics.slice(0, 10)).toEqual([]);
    const cadenya = await readFile(join(dir, 'cadenya', 'resources.ts'), 'utf8');
    expect(cadenya).toContain('export class MemoryLayersEntriesResource');
    expect(cadenya).not.toMatch(/^import \{[^}]*\} from '@upkit\/core-http'/m);
  });
});
