import { brandError } from '@upkit/core-http/internal';
import { UploaderError } from '../errors/uploader-error.js';

/** The command line cannot run as given (exit code 2): a bad flag, value or file. */
export class CliUsageError extends UploaderError {}
brandError(CliUsageError, 'CliUsageError');
