/**
 * Every use of the Scenario schemas, in one place. The sandbox validates what it receives with the
 * strict request schemas and what it sends with the response schemas.
 */
import {
  ScenarioCreateCivitaiUploadRequest,
  ScenarioCreateHuggingFaceUploadRequest,
  ScenarioCreateMultipartUploadRequest,
  ScenarioCreateUploadBody,
  ScenarioCreateUploadResponse,
  ScenarioCreateUrlUploadRequest,
  ScenarioErrorBody,
  ScenarioGetUploadResponse,
  ScenarioTriggerUploadActionBody,
  ScenarioTriggerUploadActionResponse,
} from '@upkit/schemas/scenario/classic';
import { bodyCheck, responseCheck, validateWith } from '../contract-validation.js';
import type { SchemaLike, Validation } from '../contract-validation.js';

/** The body of `createUpload`, told apart by mode. */
export type ScenarioCreateInput =
  | { readonly mode: 'multipart'; readonly body: ScenarioCreateMultipartUploadRequest }
  | { readonly mode: 'url'; readonly body: ScenarioCreateUrlUploadRequest }
  | { readonly mode: 'huggingface'; readonly body: ScenarioCreateHuggingFaceUploadRequest }
  | { readonly mode: 'civitai'; readonly body: ScenarioCreateCivitaiUploadRequest };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a `createUpload` body. The wire has no discriminator: the mode is told by its key, and
 * the body is then checked against that mode's strict schema (so the message names the field),
 * and against the whole request schema.
 */
export function parseCreateUploadBody(body: unknown): Validation<ScenarioCreateInput> {
  if (!isObject(body)) return { ok: false, message: 'The body must be a JSON object' };
  const modes = [
    'parts' in body || 'fileName' in body ? 'multipart' : undefined,
    'url' in body ? 'url' : undefined,
    'huggingFaceModelName' in body ? 'huggingface' : undefined,
    'civitaiModelUrl' in body ? 'civitai' : undefined,
  ].filter((mode): mode is ScenarioCreateInput['mode'] => mode !== undefined);
  if (modes.length !== 1) {
    return {
      ok: false,
      message:
        modes.length === 0
          ? 'The body must carry fileName and parts (multipart), url, huggingFaceModelName or civitaiModelUrl'
          : `The body mixes the keys of several modes (${modes.join(', ')})`,
    };
  }
  const whole = validateWith(ScenarioCreateUploadBody, body);
  const mode = modes[0]!;
  const schema: SchemaLike<unknown> = {
    multipart: ScenarioCreateMultipartUploadRequest,
    url: ScenarioCreateUrlUploadRequest,
    huggingface: ScenarioCreateHuggingFaceUploadRequest,
    civitai: ScenarioCreateCivitaiUploadRequest,
  }[mode];
  const result = validateWith(schema, body);
  if (!result.ok) return result;
  if (!whole.ok) return whole;
  return { ok: true, value: { mode, body: result.value } as ScenarioCreateInput };
}

/** Validates a `triggerUploadAction` body (`{"action": "complete"}`). */
export function parseTriggerUploadActionBody(
  body: unknown,
): Validation<ScenarioTriggerUploadActionBody> {
  return validateWith(ScenarioTriggerUploadActionBody, body);
}

/** Checks an outgoing `{upload}` answer of the given operation. */
export const assertUploadResponse = responseCheck({
  createUpload: ScenarioCreateUploadResponse,
  getUpload: ScenarioGetUploadResponse,
  triggerUploadAction: ScenarioTriggerUploadActionResponse,
});

/** Checks an outgoing error body. */
export const assertErrorBody = bodyCheck(ScenarioErrorBody, 'Scenario error body');
