import { brandError } from '@upkit/core-http/internal';
import { UploaderError } from './uploader-error.js';

/** The path names a directory, not a file (nothing was sent). The CLI uploads folders file by file. */
export class SourceIsDirectoryError extends UploaderError {
  declare readonly path: string;

  constructor(path: string) {
    super(`${path} is a directory: upload the files in it one by one`);
    this.path = path;
  }
}
brandError(SourceIsDirectoryError, 'SourceIsDirectoryError');
