import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareReports } from './public-api.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the public API snapshots', () => {
  it('match every package’s exports: an API change shows in review as a change of public-api.txt', async () => {
    const reports = await compareReports(ROOT);
    expect(reports.length).toBe(7);
    for (const { pkg, now, checkedIn } of reports) {
      expect(checkedIn, `${pkg.name}: no public-api.txt; run npm run api:update`).toBeDefined();
      expect(
        now,
        `${pkg.name}: its public API changed; review the diff, then run npm run api:update`,
      ).toBe(checkedIn);
    }
  });
});
