// `npm run demo`: two real uploads against a local @upkit/sandbox, through the upkit clients, offline.
// Runs from source (tsx with the `@upkit/source` condition), so it works right after `npm ci`.
import { createHash, randomBytes } from 'node:crypto';
import { Cadenya } from '@upkit/cadenya-client';
import { Scenario } from '@upkit/scenario-client';
import { startSandbox, silentLogger } from '@upkit/sandbox';

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const step = (text: string) => console.log(`  • ${text}`);

const sandbox = await startSandbox({
  port: 0,
  logger: silentLogger,
  // The clients send the exact wire format: a body the documents refuse fails the demo.
  strict: true,
  scenario: { validatingDelayMs: 300, importDelayMs: 300 },
});
try {
  console.log(
    `upkit demo: a sandbox of both APIs and their storage is listening on ${sandbox.url}\n`,
  );
  const storedObjects = async () =>
    (
      (await (await fetch(`${sandbox.inspectionUrl}/objects`)).json()) as {
        objects: { key: string; size: number; sha256: string }[];
      }
    ).objects;

  // Scenario: a 12 MiB PNG in three parts, PUT in parallel to presigned URLs, completed, processed.
  console.log('Scenario — multipart upload of a 12 MiB image');
  const scenarioCreds = sandbox.credentials.scenario;
  const scenario = new Scenario({
    baseURL: sandbox.scenarioBaseUrl,
    apiKey: scenarioCreds.apiKey,
    apiSecret: scenarioCreds.apiSecret,
    projectId: scenarioCreds.projectId,
  });
  const png = randomBytes(12 * MiB);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const partSize = 5 * MiB;
  const { upload } = await scenario.uploads.create({
    fileName: 'tileset.png',
    contentType: 'image/png',
    fileSize: png.length,
    parts: Math.ceil(png.length / partSize),
    kind: 'image',
  });
  step(`created ${upload.id} (${upload.status}) with ${upload.parts?.length} presigned part URLs`);
  await Promise.all(
    (upload.parts ?? []).map(async (part) => {
      const body = png.subarray((part.number - 1) * partSize, part.number * partSize);
      const res = await fetch(part.url, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body,
      });
      if (!res.ok) throw new Error(`part ${part.number}: HTTP ${res.status}`);
    }),
  );
  step('PUT the 3 parts in parallel (no Authorization header goes to storage)');
  await scenario.uploads.complete(upload.id);
  const processed = await scenario.uploads.waitForProcessing(upload.id, { intervalMs: 200 });
  step(`processed: ${processed.status}, asset ${processed.entityId}`);
  const assembled = (await storedObjects()).find((o) => o.size === png.length);
  step(
    `storage sha256 ${assembled?.sha256 === sha256(png) ? 'matches' : 'DIFFERS FROM'} the file's`,
  );

  // Cadenya: a one-shot upload, then a memory entry that consumes it.
  console.log('\nCadenya — upload a document, then let a memory entry consume it');
  const cadenyaCreds = sandbox.credentials.cadenya;
  const cadenya = new Cadenya({
    baseURL: sandbox.cadenyaBaseUrl,
    apiKey: cadenyaCreds.apiKey,
    workspaceId: cadenyaCreds.workspaceId,
  });
  const doc = new TextEncoder().encode('# Refund policy\nRefunds within 30 days.\n');
  const created = await cadenya.uploads.create({
    metadata: { name: 'refund-policy.md' },
    spec: { filename: 'refund-policy.md', contentType: 'text/markdown', sizeBytes: doc.length },
  });
  step(`created ${created.metadata.id} (${created.info.status})`);
  const put = await fetch(created.info.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': 'text/markdown', 'content-length': String(doc.length) },
    body: doc,
  });
  step(`PUT ${doc.length} bytes to the presigned URL: HTTP ${put.status}`);
  const complete = await cadenya.uploads.waitUntilComplete(created.metadata.id, {
    intervalMs: 100,
  });
  step(`status ${complete.info.status}`);
  await cadenya.memoryLayers.entries.create('external_id:handbook', {
    metadata: { name: 'refund policy' },
    spec: { type: 'uploadId', uploadId: created.metadata.id, key: 'refund-policy' },
  });
  const consumed = await cadenya.uploads.retrieve(created.metadata.id);
  step(`a memory entry consumed it: ${consumed.info.status}`);
  console.log('\nDone.');
} finally {
  await sandbox.close();
}
