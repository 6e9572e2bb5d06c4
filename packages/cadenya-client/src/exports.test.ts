// The two clients export the same kinds of things: the same core-http re-exports, their generated
// resource classes, and otherwise only the names listed below as their own. The other client is
// imported by path (a client may not depend on another); scenario-client runs the same tests with the
// roles swapped, so a change to either client is checked by its own tests.
import * as core from '@upkit/core-http';
import { describeClientExports } from '@upkit/test-utils';
import * as generated from './generated/resources.js';
import * as own from './index.js';

const OTHER_CLIENT = new URL('../../scenario-client/src/index.ts', import.meta.url).href;

/** What only this client exports: its client class, helpers, errors and resources. */
const OWN_NAMES = [
  'Cadenya',
  'InvalidSizeBytesError',
  'MemoryLayersEntriesResource',
  'MemoryLayersResource',
  'UploadConsumedError',
  'UploadExpiredError',
  'UploadUnusableError',
  'toSizeBytes',
];
/** What only the other client exports. */
const OTHER_NAMES = ['Scenario', 'UploadFailedError'];

describeClientExports({
  own,
  ownNames: OWN_NAMES,
  other: () => import(OTHER_CLIENT) as Promise<Record<string, unknown>>,
  otherNames: OTHER_NAMES,
  core,
  generated,
});
