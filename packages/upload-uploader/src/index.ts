// The entry for browsers, Deno, Bun and Workers: fetch with Blob slices. Node resolves
// `./node/index.ts` instead (the `node` export condition), which adds file paths and node:http.
import { portablePlatform } from './portable-platform.js';
import { createUpload } from './upload.js';

/** Uploads a Blob, File, bytes or sized stream to a target (see the README). */
export const upload = createUpload(portablePlatform);
export { VERSION } from './version.js';
export { scenarioTarget, SCENARIO_MAX_FILE_SIZE } from './adapters/scenario-target.js';
export { cadenyaTarget, CADENYA_MAX_FILE_SIZE } from './adapters/cadenya-target.js';
export { MULTIPART_LIMITS, planParts } from './plan/plan-parts.js';
export { parseSize, formatBytes } from './size/parse-size.js';
export { parseResumeToken } from './resume/resume-token.js';
export { resumeTokenOf } from './errors/resume-token-of.js';
export { memoryTokenStore } from './resume/token-store.js';
export { createPartLimiter } from './transfer/part-limiter.js';
export { createFetchTransport } from './transfer/fetch-transport.js';
export { createXhrTransport } from './transfer/xhr-transport.js';

// Errors: one class per cause.
export { UploaderError } from './errors/uploader-error.js';
export { SourceUnreadableError } from './errors/source-unreadable-error.js';
export { SourceIsDirectoryError } from './errors/source-is-directory-error.js';
export { UnknownSizeError } from './errors/unknown-size-error.js';
export { UploadSizeError } from './errors/upload-size-error.js';
export { PartSizeError } from './errors/part-size-error.js';
export { ConcurrencyError } from './errors/concurrency-error.js';
export { SourceSizeMismatchError } from './errors/source-size-mismatch-error.js';
export { UploadAbortedError } from './errors/upload-aborted-error.js';
export { PartUploadError } from './errors/part-upload-error.js';
export { PartStallError } from './errors/part-stall-error.js';
export { ChecksumMismatchError } from './errors/checksum-mismatch-error.js';
export { InvalidResumeTokenError } from './errors/invalid-resume-token-error.js';
export { ResumeTokenMismatchError } from './errors/resume-token-mismatch-error.js';
export { StaleResumeTokenError } from './errors/stale-resume-token-error.js';
export type { UploadOptions, UploadResult } from './upload-options.js';
export type { UploadInput } from './source/open-source.js';
export type { ByteStream, SizedStream } from './source/stream-source.js';
export type { UploadProgress } from './progress/upload-progress.js';
export type { DonePart, ResumeToken } from './resume/resume-token.js';
export type { SourceFingerprint } from './resume/fingerprint.js';
export type { ResumeTokenStore } from './resume/token-store.js';
export type { PartLimiter } from './transfer/part-limiter.js';
export type { SizeInput } from './size/parse-size.js';
export type {
  CreateUploadInput,
  ReopenResult,
  TargetLimits,
  TargetSession,
  UploadTarget,
  UrlRefreshEvent,
} from './targets/upload-target.js';
export type { PartTransport, PutRequest, PutResponse } from './transfer/part-transport.js';
export type { XhrConstructor, XhrLike } from './transfer/xhr-transport.js';
export type { PartUrl, UrlNeed } from './transfer/transfer-parts.js';
export type {
  ScenarioClientShape,
  ScenarioKindOf,
  ScenarioTargetOptions,
  ScenarioUploadShape,
} from './adapters/scenario-target.js';
export type {
  CadenyaClientShape,
  CadenyaTargetOptions,
  CadenyaUploadShape,
} from './adapters/cadenya-target.js';
