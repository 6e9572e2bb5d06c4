import type { PlannedPart } from '../plan/plan-parts.js';
import type { DonePart, ResumeToken } from '../resume/resume-token.js';
import type { PartUrl, UrlNeed } from '../transfer/transfer-parts.js';

/** What a target accepts. */
export interface TargetLimits {
  /** The largest file, in bytes. */
  readonly maxSize: number;
  /** Parts PUT in parallel (Scenario), or one PUT of the whole file (Cadenya). */
  readonly multipart: boolean;
  /** Every part but the last must be at least this large (multipart only). */
  readonly minPartSize: number;
  readonly maxParts: number;
}

/** What a new upload is created with. */
export interface CreateUploadInput {
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly partCount: number;
}

/** A part URL was signed afresh, or (Cadenya) the upload replaced by a new one. */
export interface UrlRefreshEvent {
  /** `expiring`: within the margin, refreshed before use; `expired`: storage refused it. */
  readonly reason: 'expiring' | 'expired';
  /** The parts whose URLs were renewed. */
  readonly parts: readonly number[];
  /** The upload the URLs belong to (after a replacement, the new one). */
  readonly uploadId: string;
  /** Set when the upload itself was replaced (Cadenya): the id it had before. */
  readonly replacedUploadId?: string | undefined;
}

export type OnUrlRefresh = (event: UrlRefreshEvent) => void;

/** One upload on the API's side, while its bytes move. */
export interface TargetSession<TUpload> {
  /** The current upload's id (a Cadenya upload replaced after expiry has a new one). */
  readonly uploadId: string;
  readonly scope: ResumeToken['scope'];
  /**
   * The URL to PUT `part` to. `use`: the known URL, refreshed first when it expires within the
   * margin; `expired`: storage refused it as expired, sign it afresh.
   */
  partUrl(part: PlannedPart, need: UrlNeed, signal: AbortSignal): Promise<PartUrl>;
  /** Tells the API every part is there (Scenario's complete action; nothing for Cadenya). */
  complete(parts: readonly DonePart[], signal: AbortSignal): Promise<void>;
  /** Waits until the API has processed the file, and resolves to the final upload. */
  waitUntilProcessed(signal: AbortSignal): Promise<TUpload>;
}

/** What a resumed upload looks like on the API's side. */
export type ReopenResult<TUpload> =
  { readonly session: TargetSession<TUpload> } | { readonly stale: string };

/**
 * An API that uploads go to: `scenarioTarget(client, …)`, `cadenyaTarget(client, …)`. The
 * uploader drives it; the target knows its API's calls and lifecycle.
 */
export interface UploadTarget<TUpload> {
  readonly name: 'scenario' | 'cadenya';
  readonly limits: TargetLimits;
  /** Where uploads go (Scenario's project, Cadenya's workspace), when the target names it. */
  readonly scope?: ResumeToken['scope'];
  create(
    input: CreateUploadInput,
    signal: AbortSignal,
    onUrlRefresh: OnUrlRefresh,
  ): Promise<TargetSession<TUpload>>;
  /** Opens the upload a token names again; `stale` (with its status) when it cannot take parts any more. */
  reopen(
    token: ResumeToken,
    signal: AbortSignal,
    onUrlRefresh: OnUrlRefresh,
  ): Promise<ReopenResult<TUpload>>;
}
