/** An object in storage, as recorded in the state file. */
export interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  /**
   * Hex SHA-256 of the bytes: computed on the first request for it (`ObjectStore.sha256`), from
   * the stored file, then kept. Absent until then, and always for a discarded object.
   */
  sha256?: string;
  /** The S3-style ETag, quoted: the MD5 hex, or `md5-of-part-md5s-N` for an assembled object. */
  readonly etag: string;
  readonly contentType: string;
  readonly createdAt: string;
  /**
   * The name under the data directory's `objects/`: the object's file or, for an object assembled
   * from parts (`parts` set), the folder of its part files `1` … `N`, kept as they came.
   */
  readonly file: string;
  /** The sizes of the parts, in order, when the object is a folder of parts. */
  readonly parts?: readonly number[];
  /** Set when storage discards bytes (`discardObjects`): there is no file, only `head`. */
  readonly discarded?: true;
  /** Base64 of the first bytes (up to `HEAD_BYTES`) of a discarded object. */
  readonly head?: string;
}

/** One received part of a multipart upload. */
export interface StoredPart {
  readonly partNumber: number;
  readonly size: number;
  /** Hex MD5 (the ETag without quotes). */
  readonly md5: string;
  readonly createdAt: string;
  /** Base64 of the first bytes (up to `HEAD_BYTES`) of a discarded part. */
  readonly head?: string;
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
