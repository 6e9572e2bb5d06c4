import { brandError } from '@upkit/core-http/internal';
import { formatBytes } from '../size/parse-size.js';
import { UploaderError } from './uploader-error.js';

/** The file is empty, or larger than the API accepts (nothing was sent). */
export class UploadSizeError extends UploaderError {
  declare readonly size: number;
  /** The largest size the target accepts, in bytes. */
  declare readonly maxSize: number;

  constructor(init: { size: number; maxSize: number; target: string }) {
    const { size, maxSize, target } = init;
    super(
      size === 0
        ? 'The file is empty: there is nothing to upload'
        : `The file is ${formatBytes(size)} (${size} bytes), over ${target}'s limit of ${formatBytes(maxSize)}`,
    );
    this.size = size;
    this.maxSize = maxSize;
  }
}
brandError(UploadSizeError, 'UploadSizeError');
