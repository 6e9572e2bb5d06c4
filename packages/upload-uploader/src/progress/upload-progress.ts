/** What `onProgress` receives. */
export interface UploadProgress {
  /** Bytes storage has taken, never going backwards; `total` only once every part is acknowledged. */
  readonly loaded: number;
  readonly total: number;
  readonly partsDone: number;
  readonly partsTotal: number;
  /** Over the last few seconds; 0 until there is a measurement. */
  readonly bytesPerSecond: number;
  /** At the current speed; `undefined` until there is one. */
  readonly etaSeconds: number | undefined;
  /** The upload being sent (Cadenya's changes when an expired URL forced a new one). */
  readonly uploadId: string;
}
