import { rmdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isUpkitError } from '@upkit/core-http';
import { CADENYA_MAX_FILE_SIZE } from '../adapters/cadenya-target.js';
import { loadTarget, type LoadedTarget } from '../adapters/load-target.js';
import { resumeTokenOf } from '../errors/resume-token-of.js';
import { UploadAbortedError } from '../errors/upload-aborted-error.js';
import { createFileTokenStore } from '../node/file-token-store.js';
import { upload } from '../node/index.js';
import type { ResumeTokenStore } from '../resume/token-store.js';
import { formatBytes } from '../size/parse-size.js';
import { createPartLimiter } from '../transfer/part-limiter.js';
import { VERSION } from '../version.js';
import type { CliIo } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';
import { collectFiles, type CollectedFile } from './collect-files.js';
import type { FileOutcome } from './file-outcome.js';
import { errorLine } from './format.js';
import { jsonReporter } from './json-reporter.js';
import { parseCliArgs, USAGE, type UploadCommand } from './parse-cli-args.js';
import { plainReporter } from './plain-reporter.js';
import type { Reporter, ReportedFile } from './reporter.js';
import { resumeCommand } from './resume-command.js';
import { scenarioKindFor } from './scenario-kind.js';
import { ttyReporter } from './tty-reporter.js';

/** The exit codes `upkit-upload` uses. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/**
 * `upkit-upload`: parses the arguments, uploads every file (`--files` at a time, `--concurrency`
 * parts at a time across all of them), and resolves to the exit code. Never throws for a bad
 * argument or a failed upload: it says so on stderr and returns the code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv, { isTTY: io.stderr.isTTY === true });
  } catch (error) {
    return usage(io, error);
  }
  if (command.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  let files: CollectedFile[];
  try {
    files = await collectFiles(command.inputs, { ...command, cwd: io.cwd });
    if (command.to === 'cadenya') {
      const big = files.find((f) => (f.size ?? 0) > CADENYA_MAX_FILE_SIZE);
      if (big) {
        throw new CliUsageError(
          `${big.display} is ${formatBytes(big.size!)}: Cadenya takes files of at most ${formatBytes(CADENYA_MAX_FILE_SIZE)}`,
        );
      }
    }
  } catch (error) {
    return usage(io, error);
  }
  let loaded: LoadedTarget;
  try {
    loaded = await loadTarget({
      to: command.to,
      baseURL: command.baseURL,
      projectId: command.project,
      workspaceId: command.workspace,
    });
  } catch (error) {
    // A missing credential: one line that names the variable, never a value.
    const env = (error as { env?: string }).env;
    io.stderr.write(
      env
        ? `upkit-upload: missing credential: set ${env} (see --help)\n`
        : `upkit-upload: ${(error as Error).message}\n`,
    );
    return EXIT.usage;
  }
  return uploadAll(command, files, loaded, io, argv);
}

function usage(io: CliIo, error: unknown): number {
  if (!(error instanceof CliUsageError)) throw error;
  io.stderr.write(`upkit-upload: ${error.message}\nRun upkit-upload --help for the flags.\n`);
  return EXIT.usage;
}

async function uploadAll(
  command: UploadCommand,
  files: readonly CollectedFile[],
  loaded: LoadedTarget,
  io: CliIo,
  argv: readonly string[],
): Promise<number> {
  const reporter = reporterFor(command, io, files);
  const controller = new AbortController();
  let interrupts = 0;
  const stopListening = io.onInterrupt(() => {
    interrupts++;
    if (interrupts > 1) return io.exitNow(EXIT.interrupted);
    reporter.note(
      'Interrupted: stopping the uploads and saving their state (Ctrl-C again to quit at once)…',
    );
    controller.abort(new Error('interrupted (Ctrl-C)'));
  });
  const storeErrors: unknown[] = [];
  const fileStore = createFileTokenStore(resolve(io.cwd, command.stateDir));
  const limiter = createPartLimiter(command.concurrency);
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;

  const one = async (file: CollectedFile): Promise<FileOutcome> => {
    const started = Date.now();
    const reported: ReportedFile = { display: file.display, bytes: file.size ?? 0 };
    const seconds = () => (Date.now() - started) / 1000;
    const kind = command.scenarioKind ?? scenarioKindFor(file.path, command.contentType);
    // --restart: nothing saved is read, but state is still kept for the next run.
    const store: ResumeTokenStore = {
      get: async (key) => {
        if (command.restart) return undefined;
        const saved = await fileStore.get(key);
        if (saved === undefined && command.resume) {
          reporter.note(`${file.display}: no saved upload to resume; starting it afresh`);
        }
        return saved;
      },
      set: (key, token) => fileStore.set(key, token),
      delete: (key) => fileStore.delete(key),
    };
    reporter.start(reported);
    try {
      const result = await upload(loaded.targetFor(kind), file.path, {
        concurrency: command.concurrency,
        partLimiter: limiter,
        ...(command.partSize === undefined ? {} : { partSize: command.partSize }),
        ...(command.contentType === undefined ? {} : { contentType: command.contentType }),
        ...(command.name === undefined ? {} : { name: command.name }),
        signal: controller.signal,
        tokenStore: store,
        onTokenStoreError: (error) => {
          storeErrors.push(error);
          reporter.note(
            `upkit-upload: ${file.display}: could not keep resume state in ${fileStore.dir}: ${errorLine(error)}`,
          );
        },
        onProgress: (p) => reporter.progress(reported, p),
        onRetry: (e) => reporter.retry(reported, e),
        onUrlRefresh: (e) => reporter.urlRefresh(reported, e),
        onPartComplete: (e) => reporter.partDone(reported, e),
      });
      const final = result.upload as { entityId?: string };
      return {
        file: file.display,
        status: 'done',
        bytes: result.bytes,
        uploadId: result.uploadId,
        entityId: typeof final.entityId === 'string' ? final.entityId : undefined,
        sha256: result.sha256,
        seconds: seconds(),
        retries: result.retries,
        urlRefreshes: result.urlRefreshes,
        resumedParts: result.resumedParts,
      };
    } catch (error) {
      const interrupted = error instanceof UploadAbortedError && controller.signal.aborted;
      const token = resumeTokenOf(error);
      return {
        file: file.display,
        status: interrupted ? 'interrupted' : 'failed',
        bytes: file.size,
        uploadId: token?.uploadId,
        seconds: seconds(),
        error: interrupted
          ? 'interrupted; its state is saved'
          : describeError(error, command.verbose),
      };
    }
  };

  const worker = async () => {
    while (next < files.length && !controller.signal.aborted) {
      const index = next++;
      const file = files[index]!;
      const outcome = await one(file);
      outcomes[index] = outcome;
      reporter.finish({ display: file.display, bytes: file.size ?? 0 }, outcome);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(command.files, files.length) }, worker));
  } finally {
    stopListening();
  }
  // Files never started (after Ctrl-C) are listed too.
  for (let i = 0; i < files.length; i++) {
    outcomes[i] ??= {
      file: files[i]!.display,
      status: 'interrupted',
      bytes: files[i]!.size,
      seconds: 0,
      error: 'not started',
    };
  }
  reporter.close(outcomes);
  // A state folder left empty (every upload finished) is not left behind.
  await rmdir(fileStore.dir).catch(() => undefined);
  if (controller.signal.aborted) {
    if (storeErrors.length) {
      reporter.note(
        `upkit-upload: ${storeErrors.length} resume state write(s) failed (see above): those files start afresh`,
      );
    }
    reporter.note(`Resume with:\n  ${resumeCommand(argv)}`);
    return EXIT.interrupted;
  }
  return outcomes.every((o) => o.status === 'done') ? EXIT.ok : EXIT.failed;
}

/** One line, with the cause's line under --verbose. */
function describeError(error: unknown, verbose: boolean): string {
  const line = errorLine(error);
  if (!verbose || !isUpkitError(error) || !(error as Error).cause) return line;
  return `${line} (cause: ${errorLine((error as Error).cause)})`;
}

function reporterFor(command: UploadCommand, io: CliIo, files: readonly CollectedFile[]): Reporter {
  const verbose = command.verbose;
  if (command.output === 'json') return jsonReporter(io, { verbose });
  if (command.output === 'tty') {
    return ttyReporter(io, {
      verbose,
      files: files.length,
      totalBytes: files.reduce((sum, f) => sum + (f.size ?? 0), 0),
    });
  }
  const plain = plainReporter(io, { verbose });
  if (command.output === 'plain') return plain;
  // --quiet: errors only.
  const silent = () => undefined;
  return {
    ...plain,
    start: silent,
    progress: silent,
    retry: silent,
    urlRefresh: silent,
    partDone: silent,
    finish: (file, o) => {
      if (o.status !== 'done') io.stderr.write(`upkit-upload: ${file.display}: ${o.error}\n`);
    },
    close: silent,
  };
}
