/**
 * Every use of the Cadenya schemas, in one place. The sandbox validates what it receives with the
 * strict request schemas and what it sends with the response schemas.
 */
import {
  CadenyaMemoryServiceCreateMemoryEntryBody,
  CadenyaMemoryServiceCreateMemoryEntryResponse,
  CadenyaStatus,
  CadenyaUploadServiceCreateUploadBody,
  CadenyaUploadServiceCreateUploadResponse,
  CadenyaUploadServiceGetUploadResponse,
} from '@upkit/schemas/cadenya/classic';
import { assertSends, validateWith } from '../contract-validation.js';
import type { Validation } from '../contract-validation.js';

export type CadenyaCreateUploadInput = CadenyaUploadServiceCreateUploadBody;
export type CadenyaCreateMemoryEntryInput = CadenyaMemoryServiceCreateMemoryEntryBody;

/** Validates an `UploadService_CreateUpload` body. */
export function parseCreateUploadBody(body: unknown): Validation<CadenyaCreateUploadInput> {
  return validateWith(CadenyaUploadServiceCreateUploadBody, body);
}

/** Validates a `MemoryService_CreateMemoryEntry` body. */
export function parseCreateMemoryEntryBody(
  body: unknown,
): Validation<CadenyaCreateMemoryEntryInput> {
  return validateWith(CadenyaMemoryServiceCreateMemoryEntryBody, body);
}

/** Checks an outgoing answer of the given operation. */
export function assertCadenyaResponse(
  operation:
    'UploadService_CreateUpload' | 'UploadService_GetUpload' | 'MemoryService_CreateMemoryEntry',
  body: unknown,
): void {
  const schema = {
    UploadService_CreateUpload: CadenyaUploadServiceCreateUploadResponse,
    UploadService_GetUpload: CadenyaUploadServiceGetUploadResponse,
    MemoryService_CreateMemoryEntry: CadenyaMemoryServiceCreateMemoryEntryResponse,
  }[operation];
  assertSends(schema, body, `${operation} response`);
}

/** Checks an outgoing `google.rpc.Status` error body. */
export function assertStatusBody(body: unknown): void {
  assertSends(CadenyaStatus, body, 'Cadenya Status body');
}
