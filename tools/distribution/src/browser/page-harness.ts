// What both pages share: the config from the URL, a File made in the page, progress and the
// outcome reported on `window` for the test to read.

/** What the test passes to a page, in its URL's hash (JSON). */
export interface PageConfig {
  readonly scenarioBaseUrl: string;
  readonly scenarioApiKey: string;
  readonly scenarioApiSecret: string;
  readonly cadenyaBaseUrl: string;
  readonly cadenyaApiKey: string;
  readonly cadenyaWorkspaceId: string;
  readonly bytes: number;
}

/** What a page reports: its progress events, then its result or its error. */
export interface PageOutcome {
  progress: { loaded: number; total: number }[];
  digest?: string;
  result?: { uploadId: string; sha256: string; status: string };
  error?: string;
}

type Upload = (
  config: PageConfig,
  file: File,
  onProgress: (p: { loaded: number; total: number }) => void,
) => Promise<NonNullable<PageOutcome['result']>>;

declare global {
  interface Window {
    outcome?: PageOutcome;
    done?: boolean;
  }
}

/** A GLB-headed File of random bytes, made in the page (random data 64 KiB at a time). */
function makeFile(bytes: number): File {
  const data = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += 65_536) crypto.getRandomValues(data.subarray(at, at + 65_536));
  data.set([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0]);
  return new File([data], 'robot.glb', { type: 'model/gltf-binary' });
}

export function runPage(run: Upload): void {
  const config = JSON.parse(decodeURIComponent(location.hash.slice(1))) as PageConfig;
  const outcome: PageOutcome = { progress: [] };
  window.outcome = outcome;
  void (async () => {
    try {
      const file = makeFile(config.bytes);
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', await file.arrayBuffer()),
      );
      outcome.digest = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      outcome.result = await run(config, file, (p) =>
        outcome.progress.push({ loaded: p.loaded, total: p.total }),
      );
    } catch (error) {
      outcome.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } finally {
      window.done = true;
    }
  })();
}
