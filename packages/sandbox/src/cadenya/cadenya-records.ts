/** `ResourceMetadata` of a workspace-scoped Cadenya resource. */
export interface CadenyaResourceMetadata {
  id: string;
  accountId: string;
  workspaceId: string;
  name: string;
  profileId: string;
  createdAt: string;
  updatedAt?: string;
  externalId: string;
  labels: Record<string, string>;
}

export type CadenyaUploadStatus =
  | 'UPLOAD_STATUS_PENDING'
  | 'UPLOAD_STATUS_COMPLETE'
  | 'UPLOAD_STATUS_CONSUMED'
  | 'UPLOAD_STATUS_EXPIRED';

/** A Cadenya upload and the sandbox's bookkeeping for it. */
export interface CadenyaUploadRecord {
  metadata: CadenyaResourceMetadata;
  spec: { filename: string; contentType: string; sizeBytes: string };
  info: { uploadUrl: string; uploadUrlExpiresAt: string; status: CadenyaUploadStatus };
  internal: { bucket: string; key: string; expiresAtMs: number };
}

/** A memory layer, created on first use (the sandbox has no layer API). */
export interface MemoryLayerRecord {
  metadata: CadenyaResourceMetadata;
}

/** A memory entry. Its content is not kept: the sandbox only answers the create. */
export interface MemoryEntryRecord {
  metadata: CadenyaResourceMetadata;
  spec: { key: string; description: string };
  layerId: string;
  /** The upload the content came from, if any. */
  uploadId?: string;
  size: number;
}

/** The Cadenya half of the state file. */
export interface CadenyaState {
  uploads: Record<string, CadenyaUploadRecord>;
  memoryLayers: Record<string, MemoryLayerRecord>;
  memoryEntries: Record<string, MemoryEntryRecord>;
}
