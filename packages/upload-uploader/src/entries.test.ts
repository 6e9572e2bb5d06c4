import { describe, expect, it } from 'vitest';
import * as node from './node/index.js';
import * as portable from './index.js';

// The two entries list their exports each (no `export *`): this keeps the lists in step.
describe('the node and portable entries', () => {
  it('export the same API, but for what only Node has', () => {
    const nodeOnly = ['createNodeTransport', 'createFileTokenStore'];
    expect(
      Object.keys(node)
        .filter((name) => !nodeOnly.includes(name))
        .sort(),
    ).toEqual(Object.keys(portable).sort());
  });

  it('share every value but upload(), which each builds for its runtime', () => {
    for (const name of Object.keys(portable)) {
      if (name === 'upload') expect(node.upload).not.toBe(portable.upload);
      else
        expect((node as Record<string, unknown>)[name], name).toBe(
          (portable as Record<string, unknown>)[name],
        );
    }
  });
});
