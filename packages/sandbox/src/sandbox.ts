import { stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.js';
import { createSandboxContext } from './create-sandbox-context.js';
import type { SandboxCredentials } from './credentials.js';
import { parseFaultSettings } from './faults/fault-settings.js';
import type { FaultSettings } from './faults/fault-settings.js';
import type { SandboxOptions } from './options.js';
import { checkOptions } from './option-checks.js';
import { SANDBOX_OPTIONS } from './options-table.js';
import { closeDataDir, openDataDir } from './persistence/data-dir.js';
import { StateStore } from './persistence/state-store.js';
import { sandboxUrls } from './sandbox-urls.js';
import type { SandboxUrls } from './sandbox-urls.js';
import { ScenarioLifecycle } from './scenario/scenario-lifecycle.js';
import { nodeBodyReader } from './storage/body-reader.js';
import { ObjectStore } from './storage/object-store.js';

/** A running sandbox. */
export interface Sandbox extends SandboxUrls {
  /** The TCP port it listens on. */
  readonly port: number;
  /** The data directory in use (temporary unless `dataDir` was given). */
  readonly dataDir: string;
  /** The credentials the sandbox accepts (and its storage signing key). */
  readonly credentials: SandboxCredentials;
  /** True when it holds clients to the documents' exact wire format (`options.strict`). */
  readonly strict: boolean;
  /** Replaces the fault settings (as `POST /_sandbox/faults` does). */
  setFaults(settings: FaultSettings): void;
  /** Stops listening, writes the state, and removes a temporary data directory. Idempotent. */
  close(): Promise<void>;
}

function originFor(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** How long in-flight requests may finish after close() before their connections are cut. */
const CLOSE_GRACE_MS = 1000;

/**
 * Starts the sandbox: the Scenario and Cadenya upload APIs, their object storage and the
 * inspection API, on one HTTP server.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // Checked before a directory is made, so a bad setting leaves nothing behind.
  checkOptions(options);
  const host = options.host ?? SANDBOX_OPTIONS.host.default;
  const now = options.now ?? Date.now;

  const dataDir = await openDataDir(options.dataDir);
  let origin = options.publicUrl?.replace(/\/+$/, '') ?? '';
  const store = await StateStore.open(dataDir.stateFile);
  const objects = new ObjectStore(dataDir, store, now, {
    discard: options.discardObjects ?? SANDBOX_OPTIONS.discardObjects.default,
  });
  await objects.dropMissingObjects(async (path) =>
    stat(path).then(
      () => true,
      () => false,
    ),
  );

  const ctx = createSandboxContext(options, {
    dataDir,
    store,
    objects,
    publicUrl: () => origin,
  });
  const lifecycle = new ScenarioLifecycle(ctx);
  // Served by @hono/node-server: storage reads node's request stream, not the Web body over it.
  const app = createApp(ctx, lifecycle, nodeBodyReader);

  const server = createAdaptorServer({
    fetch: app.fetch,
    // Keep the process's own Request/Response: the sandbox often runs inside a test process.
    overrideGlobalObjects: false,
  }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? SANDBOX_OPTIONS.port.default, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await closeDataDir(dataDir);
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  if (!origin) origin = originFor(host, port);
  lifecycle.resume();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
      ctx.scheduler.close();
      await lifecycle.idle();
      await store.flush();
      await closeDataDir(dataDir);
    })();
    return closing;
  };

  return {
    ...sandboxUrls(origin),
    port,
    dataDir: dataDir.root,
    credentials: ctx.credentials,
    strict: ctx.strict,
    setFaults: (settings) => ctx.faults.configure(parseFaultSettings(settings)),
    close,
  };
}
