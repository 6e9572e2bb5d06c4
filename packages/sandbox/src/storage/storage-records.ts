/** An object in storage, as recorded in the state file. */
export interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes, computed while they streamed to disk. */
  readonly sha256: string;
  /** The S3-style ETag, quoted: the MD5 hex, or `md5-of-part-md5s-N` for an assembled object. */
  readonly etag: string;
  readonly contentType: string;
  readonly createdAt: string;
  /** The file name under the data directory's `objects/`. */
  readonly file: string;
}

/** One received part of a multipart upload. */
export interface StoredPart {
  readonly partNumber: number;
  readonly size: number;
  readonly sha256: string;
  /** Hex MD5 (the ETag without quotes). */
  readonly md5: string;
  readonly createdAt: string;
}

/** An S3 multipart upload: parts arrive under its id until it is completed. */
export interface MultipartUploadRecord {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  readonly createdAt: string;
  state: 'active' | 'completed';
  parts: Record<string, StoredPart>;
}

/** The storage half of the state file. */
export interface StorageState {
  objects: Record<string, StoredObject>;
  multipartUploads: Record<string, MultipartUploadRecord>;
}
