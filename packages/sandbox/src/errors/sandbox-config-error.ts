/** Invalid sandbox options, CLI flags or fault settings. */
export class SandboxConfigError extends Error {
  override readonly name = 'SandboxConfigError';
}
