import { brandError } from '@upkit/core-http/internal';
import { UploaderError } from './uploader-error.js';

/** The file does not exist, or cannot be opened or read (nothing was sent). */
export class SourceUnreadableError extends UploaderError {
  /** The path as given. */
  declare readonly path: string;
  /** The system error code, e.g. `ENOENT` or `EACCES`. */
  declare readonly code: string | undefined;

  constructor(path: string, cause: unknown) {
    const code = (cause as { code?: unknown } | undefined)?.code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : cause instanceof Error
            ? cause.message
            : String(cause);
    super(`Cannot read ${path}: ${why}`, { cause });
    this.path = path;
    this.code = typeof code === 'string' ? code : undefined;
  }
}
brandError(SourceUnreadableError, 'SourceUnreadableError');
