interface ProcessLike {
  env?: Record<string, string | undefined>;
}
interface DenoLike {
  env?: { get(name: string): string | undefined };
}

/**
 * Reads an environment variable on any runtime: `process.env` (Node, Bun, Deno's Node compat) or
 * `Deno.env`. Undefined where there is no environment (browsers, Workers) or no permission (Deno
 * without `--allow-env` throws, which must not break a client that only wanted a fallback).
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as { process?: ProcessLike; Deno?: DenoLike };
  try {
    const value = runtime.process?.env?.[name];
    if (value !== undefined) return value;
    return runtime.Deno?.env?.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
