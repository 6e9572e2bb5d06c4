// The two clients export the same kinds of things: the same core-http re-exports, their generated
// resource classes, and otherwise only the names listed below as their own. The other client is
// imported by path (a client may not depend on another); scenario-client's exports.test.ts is the
// mirror of this file, so a change to either client is checked by its own tests.
import * as core from '@upkit/core-http';
import { reExportsOf, sharedExports } from '@upkit/test-utils';
import { describe, expect, it } from 'vitest';
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

describe('the exports', () => {
  it('are the other client’s, but for each client’s own names', async () => {
    const other = (await import(OTHER_CLIENT)) as Record<string, unknown>;
    const lists = sharedExports(own, OWN_NAMES, other, OTHER_NAMES);
    expect(lists.own).toEqual(lists.other);
    expect(reExportsOf(own, core)).toEqual(reExportsOf(other, core));
  });

  it('re-export core-http’s transport helpers and guards, so that nobody imports a second copy', () => {
    expect(reExportsOf(own, core)).toEqual(
      expect.arrayContaining(['send', 'isAPIError', 'isUpkitError']),
    );
    expect(reExportsOf(own, core)).toEqual(expect.arrayContaining(['APIPromise', 'RetryBudget']));
  });

  it('include every generated resource class', () => {
    const classes = Object.keys(generated).filter((name) => name.endsWith('Resource'));
    expect(classes.length).toBeGreaterThan(0);
    for (const name of classes) {
      expect((own as Record<string, unknown>)[name], name).toBe(
        (generated as Record<string, unknown>)[name],
      );
    }
  });
});
