// Test support: operation descriptors shaped like the generator's output, over zod schemas.
import { z } from 'zod';

export const Upload = z.object({
  id: z.string(),
  status: z.enum(['pending', 'validating', 'imported', 'failed']),
  fileName: z.string(),
});
const UploadResponse = z.object({ upload: Upload });

export const getUpload = {
  operationId: 'getUpload',
  method: 'GET',
  path: '/v1/uploads/{uploadId}',
  pathParams: ['uploadId'],
  queryParams: ['projectId'],
  body: undefined,
  response: UploadResponse,
} as const;

export const createUpload = {
  operationId: 'createUpload',
  method: 'POST',
  path: '/v1/uploads',
  pathParams: [],
  queryParams: ['projectId'],
  body: z.strictObject({ fileName: z.string().min(1), parts: z.number().int().min(1).max(10000) }),
  response: UploadResponse,
} as const;

export const completeUpload = {
  operationId: 'completeUpload',
  method: 'POST',
  path: '/v1/uploads/{uploadId}/action',
  pathParams: ['uploadId'],
  queryParams: [],
  body: z.strictObject({ action: z.literal('complete') }),
  response: UploadResponse,
  idempotent: true,
} as const;

export const deleteUpload = {
  operationId: 'deleteUpload',
  method: 'DELETE',
  path: '/v1/uploads/{uploadId}',
  pathParams: ['uploadId'],
  queryParams: [],
  body: undefined,
  response: undefined,
} as const;

export const headUpload = { ...deleteUpload, operationId: 'headUpload', method: 'HEAD' } as const;

export const UPLOAD = { id: 'upload_1', status: 'pending', fileName: 'a.png' } as const;
