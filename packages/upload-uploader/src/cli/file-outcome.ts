/** How one file of a run ended. */
export interface FileOutcome {
  readonly file: string;
  readonly status: 'done' | 'failed' | 'interrupted';
  readonly bytes: number | undefined;
  readonly uploadId?: string | undefined;
  /** Scenario's `entityId` (the asset or model made from the file); Cadenya has none. */
  readonly entityId?: string | undefined;
  readonly sha256?: string | undefined;
  readonly seconds: number;
  readonly retries?: number | undefined;
  readonly urlRefreshes?: number | undefined;
  /** Parts storage already had when it started (a resumed upload). */
  readonly resumedParts?: number | undefined;
  /** One line: the error's class and message (never a secret: the errors are redacted). */
  readonly error?: string | undefined;
}
