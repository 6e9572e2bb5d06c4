// What uploader.bench.ts asks of its client process (uploader-client.ts), and what it answers.

/** One client-side task, timed in a process of its own. */
export type ClientTask =
  /** `upload(cadenyaTarget(…), path)`: create, one streamed PUT, poll until complete. */
  | 'uploader-cadenya'
  /** The same flow with `curl -T` for the PUT (create and poll by the same Cadenya client). */
  | 'curl-cadenya'
  /** The same flow with one `fetch` PUT of `fs.openAsBlob(path)`. */
  | 'naive-cadenya'
  /** `upload(scenarioTarget(…), path, { partSize, concurrency })`: create, parts, complete, poll. */
  | 'uploader-scenario'
  /** The same flow with one `curl --parallel --parallel-max <concurrency>` for the parts. */
  | 'curl-scenario'
  /** The same flow with `fetch` PUTs of `Blob` slices, `concurrency` at a time by `Promise.all`. */
  | 'naive-scenario'
  /** `new Upload({ client, params, partSize, queueSize }).done()` of `@aws-sdk/lib-storage`. */
  | 'lib-storage-s3';

export interface ClientJob {
  readonly task: ClientTask;
  /** The file to upload. */
  readonly file: string;
  readonly size: number;
  /** sha256 (hex) of the file: the uploader's own sha256 must match it. */
  readonly sha256: string;
  readonly partSize: number;
  readonly concurrency: number;
  readonly contentType: string;
  /** The uploader's `verifyEtags` (the MD5 check of each part's ETag). @default true */
  readonly verifyEtags?: boolean;
  /** How often the flows poll until processed (the same for the uploader and the baselines). */
  readonly pollIntervalMs: number;
  /** The file's parts as separate files, for `curl-scenario` (curl sends whole files only). */
  readonly partFiles?: readonly string[];
  readonly sandbox?: {
    readonly scenarioBaseUrl: string;
    readonly cadenyaBaseUrl: string;
    readonly scenario: {
      readonly apiKey: string;
      readonly apiSecret: string;
      readonly projectId: string;
    };
    readonly cadenya: { readonly apiKey: string; readonly workspaceId: string };
  };
  readonly s3?: {
    readonly endpoint: string;
    readonly bucket: string;
    readonly key: string;
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
  };
}

/** What the client process prints, as one JSON line, once the task is done. */
export interface ClientResult {
  /** Wall time of the task, from before the create to the processed upload. */
  readonly ms: number;
  /** The process's resident set size just before the task. */
  readonly startRss: number;
  /** Its highest resident set size during the task (the kernel's high-water mark when it can be reset). */
  readonly peakRss: number;
  readonly peakFrom: 'VmHWM' | 'sampled';
  /** User + system CPU time of the client process during the task, all threads. */
  readonly cpuMs: number;
  /** User + system CPU time of the curl process, for the curl tasks. */
  readonly childCpuMs: number;
}
