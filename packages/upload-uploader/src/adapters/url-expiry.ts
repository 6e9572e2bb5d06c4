/** A presigned URL, with when it stops working. */
export interface SignedUrl {
  readonly url: string;
  /** ms since the epoch; `undefined` when the API did not say. */
  readonly expiresAt: number | undefined;
  /** When it was received, on the same clock. */
  readonly receivedAt: number;
}

/** At most this long before expiry, a URL is renewed before use. */
const MAX_MARGIN_MS = 60_000;

/**
 * Whether a URL is too close to its expiry to start a PUT with: within a quarter of its lifetime,
 * at most a minute (a 2-second URL is renewed in its last half-second, a 15-minute one in its last
 * minute), so that a PUT does not begin just before its signature lapses.
 */
export function expiresSoon(signed: SignedUrl, now: number): boolean {
  if (signed.expiresAt === undefined) return false;
  const margin = Math.min(MAX_MARGIN_MS, (signed.expiresAt - signed.receivedAt) / 4);
  return signed.expiresAt - now <= margin;
}

/** Parses an ISO expiry, tolerating a missing or unreadable one. */
export function expiryOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
