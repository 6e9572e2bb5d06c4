import { cadenyaCall, scenarioCall, send } from './http.js';
import type { JsonResponse, RawResponse, SandboxEndpoint } from './http.js';

// The calls tests make again and again, with the fields they seldom vary as defaults.

// As in `http.ts`: tests read deep into answers, checked against the documents elsewhere.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Creates a Scenario multipart upload: a PNG image unless `fields` say otherwise. */
export const createMultipart = (
  sandbox: SandboxEndpoint,
  fileSize: number,
  parts: number,
  fields: Record<string, unknown> = {},
): Promise<JsonResponse> =>
  scenarioCall(sandbox, 'POST', '/uploads', {
    body: {
      fileName: 'castle.png',
      contentType: 'image/png',
      fileSize,
      parts,
      kind: 'image',
      ...fields,
    },
  });

/** Reads a Scenario upload. */
export const getUpload = (sandbox: SandboxEndpoint, id: string): Promise<JsonResponse> =>
  scenarioCall(sandbox, 'GET', `/uploads/${id}`);

/** Sends the `complete` action of a Scenario upload. */
export const completeUpload = (sandbox: SandboxEndpoint, id: string): Promise<JsonResponse> =>
  scenarioCall(sandbox, 'POST', `/uploads/${id}/action`, { body: { action: 'complete' } });

/**
 * A one-part Scenario upload of `file` (a PNG image unless `fields` say otherwise), its part
 * stored and the complete action sent.
 * @returns the upload as created
 */
export async function completedOnePart(
  sandbox: SandboxEndpoint,
  file: Buffer,
  fields: Record<string, unknown> = {},
): Promise<Loose> {
  const { body } = await createMultipart(sandbox, file.length, 1, fields);
  await put(sandbox, body.upload.parts[0].url, file);
  await completeUpload(sandbox, body.upload.id);
  return body.upload;
}

/** The path of a Cadenya workspace's resources, the default workspace unless told. */
export const workspacePath = (
  sandbox: SandboxEndpoint,
  workspaceId = sandbox.credentials.cadenya.workspaceId,
): string => `/v1/workspaces/${workspaceId}`;

/** Creates a Cadenya upload: a 1-byte text file unless `spec` says otherwise. */
export const createCadenyaUpload = (
  sandbox: SandboxEndpoint,
  spec: Record<string, unknown> = {},
  metadata: Record<string, unknown> = { name: 'n' },
  workspaceId?: string,
): Promise<JsonResponse> =>
  cadenyaCall(sandbox, 'POST', `${workspacePath(sandbox, workspaceId)}/uploads`, {
    body: { metadata, spec: { filename: 'f', contentType: 'text/plain', sizeBytes: '1', ...spec } },
  });

/** Reads a Cadenya upload. */
export const getCadenyaUpload = (
  sandbox: SandboxEndpoint,
  id: string,
  workspaceId?: string,
): Promise<JsonResponse> =>
  cadenyaCall(sandbox, 'GET', `${workspacePath(sandbox, workspaceId)}/uploads/${id}`);

/** Creates a memory entry in a layer of the default workspace: `spec` says of what. */
export const createEntry = (
  sandbox: SandboxEndpoint,
  spec: Record<string, unknown>,
  layer = 'external_id:kb',
  metadata: Record<string, unknown> = { name: 'e' },
): Promise<JsonResponse> =>
  cadenyaCall(sandbox, 'POST', `${workspacePath(sandbox)}/memory_layers/${layer}/entries`, {
    body: { metadata, spec },
  });

/** PUTs `body` to storage, with its Content-Length and, if given, its Content-Type. */
export const put = (
  sandbox: SandboxEndpoint,
  url: string,
  body: Buffer | string,
  contentType?: string,
): Promise<RawResponse> =>
  send(sandbox, url, {
    body,
    headers: {
      ...(contentType ? { 'content-type': contentType } : {}),
      'content-length': Buffer.byteLength(body),
    },
  });
