import { brandError } from '@upkit/core-http/internal';
import { UploaderError } from './uploader-error.js';

/**
 * A stream was given without its size. Both APIs sign the size before the first byte moves
 * (Scenario plans its parts from it, Cadenya signs it into the URL), so it must be known up front.
 */
export class UnknownSizeError extends UploaderError {
  constructor() {
    super(
      'A stream source needs its size: pass { stream, size } (in bytes) or a file path, Blob or Uint8Array',
    );
  }
}
brandError(UnknownSizeError, 'UnknownSizeError');
