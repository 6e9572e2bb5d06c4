import { PartSizeError } from '../errors/part-size-error.js';

const MiB = 2 ** 20;

/** S3's multipart limits, which Scenario's presigned parts follow. */
export const MULTIPART_LIMITS = {
  /** Every part but the last must be at least this large. */
  minPartSize: 5 * MiB,
  /** The most parts one upload may have. */
  maxParts: 10_000,
  /** The part size when none is given. */
  defaultPartSize: 8 * MiB,
} as const;

/** One part of a plan: bytes `[offset, offset + size)` of the file, numbered from 1. */
export interface PlannedPart {
  readonly number: number;
  readonly offset: number;
  readonly size: number;
}

/** How a file is cut into parts. */
export interface PartPlan {
  readonly size: number;
  readonly partSize: number;
  readonly partCount: number;
}

/** What {@link planParts} needs. */
export interface PlanPartsInput {
  /** The file's size in bytes (at least 1). */
  readonly size: number;
  /** The part size asked for; without it, 8 MiB grown to fit the file in `maxParts`. */
  readonly partSize?: number | undefined;
  /** @default 5 MiB */
  readonly minPartSize?: number | undefined;
  /** @default 10000 */
  readonly maxParts?: number | undefined;
}

/**
 * Cuts a file into parts. A part size that was asked for is used as it is, or refused; the default
 * grows, in whole MiB, until the file fits in `maxParts` parts.
 *
 * @throws PartSizeError when the size asked for is under `minPartSize`, or needs too many parts.
 */
export function planParts(input: PlanPartsInput): PartPlan {
  const { size } = input;
  const minPartSize = input.minPartSize ?? MULTIPART_LIMITS.minPartSize;
  const maxParts = input.maxParts ?? MULTIPART_LIMITS.maxParts;
  let partSize = input.partSize;
  if (partSize !== undefined) {
    if (partSize < minPartSize) throw PartSizeError.underMinimum(partSize, minPartSize);
    if (Math.ceil(size / partSize) > maxParts) {
      throw PartSizeError.tooManyParts(partSize, minPartSize, size, maxParts);
    }
  } else {
    const fitting = Math.ceil(Math.ceil(size / maxParts) / MiB) * MiB;
    partSize = Math.max(MULTIPART_LIMITS.defaultPartSize, minPartSize, fitting);
  }
  return { size, partSize, partCount: Math.max(1, Math.ceil(size / partSize)) };
}

/** Part `number` (from 1) of a plan. */
export function partAt(plan: PartPlan, number: number): PlannedPart {
  const offset = (number - 1) * plan.partSize;
  return { number, offset, size: Math.min(plan.partSize, plan.size - offset) };
}

/** The plan of a single PUT: the whole file as part 1. */
export function singlePartPlan(size: number): PartPlan {
  return { size, partSize: size, partCount: 1 };
}
