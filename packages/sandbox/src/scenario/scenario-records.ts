/** The wire fields of a Scenario upload that the sandbox stores (the part URLs are signed on read). */
export interface ScenarioUploadFields {
  id: string;
  authorId: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  fileName: string;
  originalFileName?: string;
  kind: string;
  source: 'multipart' | 'url' | 'huggingface' | 'civitai';
  status: 'pending' | 'validating' | 'validated' | 'imported' | 'failed';
  contentType?: string;
  fileSize?: number;
  partsCount?: number;
  assetOptions?: { collectionIds?: string[]; hide?: boolean; parentId?: string };
  provider?: 'huggingface' | 'civitai';
  url?: string;
  jobId?: string;
  entityId?: string;
  errorMessage?: string;
}

/** What the validation of an upload concluded. */
export type ScenarioOutcome =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

/** A Scenario upload and the sandbox's bookkeeping for it. */
export interface ScenarioUploadRecord {
  upload: ScenarioUploadFields;
  internal: {
    /** The S3 multipart upload behind a multipart upload. */
    multipartUploadId?: string;
    bucket?: string;
    key?: string;
    /** When `validating` may become `validated` (or `failed`), epoch ms. */
    validateDueMs?: number;
    /** How long `validated` lasts before `imported`. */
    importDelayMs?: number;
    /** When `imported` is due, set once validated. */
    importDueMs?: number;
    /** Set once the parts were checked and assembled (or the import simulated). */
    outcome?: ScenarioOutcome;
  };
}

/** The Scenario half of the state file. */
export interface ScenarioState {
  uploads: Record<string, ScenarioUploadRecord>;
}
