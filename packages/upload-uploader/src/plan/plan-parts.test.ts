import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartSizeError } from '../errors/part-size-error.js';
import { MULTIPART_LIMITS, partAt, planParts } from './plan-parts.js';

const MiB = 2 ** 20;
const { minPartSize, maxParts } = MULTIPART_LIMITS;
/** Up to 5 TiB, S3's and Scenario's largest object. */
const fileSize = fc.integer({ min: 1, max: 5 * 2 ** 40 });

function parts(plan: ReturnType<typeof planParts>) {
  return Array.from({ length: plan.partCount }, (_, i) => partAt(plan, i + 1));
}

describe('planParts', () => {
  it('defaults to 8 MiB parts', () => {
    expect(planParts({ size: 20 * MiB })).toEqual({
      size: 20 * MiB,
      partSize: 8 * MiB,
      partCount: 3,
    });
    expect(parts(planParts({ size: 20 * MiB })).map((p) => p.size)).toEqual([
      8 * MiB,
      8 * MiB,
      4 * MiB,
    ]);
  });

  it('grows the default part size in whole MiB to stay within 10,000 parts', () => {
    const size = 10_000 * 8 * MiB + 1;
    const plan = planParts({ size });
    expect(plan.partSize).toBe(9 * MiB);
    expect(plan.partCount).toBeLessThanOrEqual(maxParts);
  });

  it('property: the default plan covers the file exactly, within the limits', () => {
    fc.assert(
      fc.property(fileSize, (size) => {
        const plan = planParts({ size });
        expect(plan.partCount).toBeGreaterThanOrEqual(1);
        expect(plan.partCount).toBeLessThanOrEqual(maxParts);
        expect(plan.partSize % MiB).toBe(0);
        expect(plan.partSize).toBeGreaterThanOrEqual(minPartSize);
        // The smallest whole-MiB size (from 8 MiB) that fits: one MiB less would not.
        if (plan.partSize > 8 * MiB)
          expect(Math.ceil(size / (plan.partSize - MiB))).toBeGreaterThan(maxParts);
        const last = partAt(plan, plan.partCount);
        expect(last.offset + last.size).toBe(size);
        expect(last.size).toBeGreaterThan(0);
        expect(last.size).toBeLessThanOrEqual(plan.partSize);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: parts are contiguous, and all but the last at least 5 MiB', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 * MiB }),
        fc.integer({ min: 5 * MiB, max: 64 * MiB }),
        (size, partSize) => {
          const plan = planParts({ size, partSize });
          let offset = 0;
          for (const part of parts(plan)) {
            expect(part.offset).toBe(offset);
            if (part.number < plan.partCount) expect(part.size).toBeGreaterThanOrEqual(minPartSize);
            offset += part.size;
          }
          expect(offset).toBe(size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a part size asked for is kept exactly when it fits, refused when it does not', () => {
    fc.assert(
      fc.property(fileSize, fc.integer({ min: 1, max: 2 ** 31 }), (size, partSize) => {
        const fits = partSize >= minPartSize && Math.ceil(size / partSize) <= maxParts;
        if (fits) {
          expect(planParts({ size, partSize }).partSize).toBe(partSize);
        } else {
          expect(() => planParts({ size, partSize })).toThrow(PartSizeError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('at the edges: exactly 5 MiB and exactly 10,000 parts are fine, one byte less or more is not', () => {
    expect(planParts({ size: 10 * MiB, partSize: 5 * MiB }).partCount).toBe(2);
    expect(() => planParts({ size: 10 * MiB, partSize: 5 * MiB - 1 })).toThrow(
      /under the minimum part size of 5 MiB/,
    );
    expect(planParts({ size: maxParts * 5 * MiB, partSize: 5 * MiB }).partCount).toBe(maxParts);
    expect(() => planParts({ size: maxParts * 5 * MiB + 1, partSize: 5 * MiB })).toThrow(
      /needs 10001 parts .* over the limit of 10000: use at least 6 MiB/,
    );
  });

  it('honours a lower minimum (small parts for tests)', () => {
    expect(planParts({ size: 100, partSize: 16, minPartSize: 16 })).toEqual({
      size: 100,
      partSize: 16,
      partCount: 7,
    });
  });
});
