import { brandError } from '@upkit/core-http/internal';
import { formatBytes } from '../size/parse-size.js';
import { UploaderError } from './uploader-error.js';

/** `partSize` is under the storage's minimum, or too small to fit the file in the most parts allowed. */
export class PartSizeError extends UploaderError {
  declare readonly partSize: number;
  declare readonly minPartSize: number;

  constructor(message: string, init: { partSize: number; minPartSize: number }) {
    super(message);
    this.partSize = init.partSize;
    this.minPartSize = init.minPartSize;
  }

  static underMinimum(partSize: number, minPartSize: number): PartSizeError {
    return new PartSizeError(
      `partSize ${formatBytes(partSize)} is under the minimum part size of ${formatBytes(minPartSize)}`,
      { partSize, minPartSize },
    );
  }

  static tooManyParts(
    partSize: number,
    minPartSize: number,
    size: number,
    maxParts: number,
  ): PartSizeError {
    // The smallest whole-MiB part size that fits.
    const needed = Math.ceil(size / maxParts / 2 ** 20) * 2 ** 20;
    return new PartSizeError(
      `partSize ${formatBytes(partSize)} needs ${Math.ceil(size / partSize)} parts for ${formatBytes(size)}, over the limit of ${maxParts}: use at least ${formatBytes(needed)}, or leave partSize out`,
      { partSize, minPartSize },
    );
  }
}
brandError(PartSizeError, 'PartSizeError');
