// Type-level guarantees of generated code, checked by `tsc -b` against the checked-in golden output
// of the uploads fixture (vitest's typecheck mode is off; these assertions are compile-time only).
import { expectTypeOf } from 'vitest';
import { isKnownShape, isKnownUploadStatus } from './__golden__/uploads-3.1/enums.js';
import type { KnownUploadStatus, UnknownVariant } from './__golden__/uploads-3.1/enums.js';
import type {
  FolderRequest,
  FolderRequestOutput,
  Pet,
  Shape,
  TreeNode,
  Upload,
  UploadRequest,
  UploadStatus,
} from './__golden__/uploads-3.1/mini.js';
import type { Upload as ClassicUpload } from './__golden__/uploads-3.1/classic.js';

export function openEnums(status: UploadStatus): void {
  // Known values stay visible to editors; any other string is accepted.
  expectTypeOf<UploadStatus>().toEqualTypeOf<KnownUploadStatus | (string & {})>();
  expectTypeOf<'pending'>().toExtend<UploadStatus>();
  expectTypeOf<'archived'>().toExtend<UploadStatus>();
  if (isKnownUploadStatus(status)) {
    expectTypeOf(status).toEqualTypeOf<'pending' | 'complete' | 'failed'>();
  }
}

export function discriminatedResponses(shape: Shape, pet: Pet): void {
  switch (shape.kind) {
    case 'circle':
      expectTypeOf(shape.radius).toEqualTypeOf<number>();
      break;
    case 'square':
    case 'box':
      expectTypeOf(shape.side).toEqualTypeOf<number>();
      break;
    default:
      // Only a variant added after generation gets here.
      expectTypeOf(shape).toEqualTypeOf<UnknownVariant<'kind'>>();
      expectTypeOf(String(shape.kind)).toEqualTypeOf<string>();
  }
  if (isKnownShape(shape)) expectTypeOf(shape.kind).toEqualTypeOf<'circle' | 'square' | 'box'>();
  if (pet.petType === 'Cat') expectTypeOf(pet.livesLeft).toEqualTypeOf<number>();
}

export function requestTypes(): void {
  ({ fileName: 'a', status: 'pending' }) satisfies UploadRequest;
  // @ts-expect-error readOnly properties are not part of request bodies
  ({ fileName: 'a', status: 'pending', id: 'upload_1' }) satisfies UploadRequest;
  // @ts-expect-error request enums are closed
  ({ fileName: 'a', status: 'archived' }) satisfies UploadRequest;
  expectTypeOf<UploadRequest>().toHaveProperty('secret');
}

export function scalars(): void {
  expectTypeOf<Upload['sizeBytes']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Upload['partCount']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<Upload['note']>().toEqualTypeOf<string | null | undefined>();
  expectTypeOf<ClassicUpload['createdAt']>().toEqualTypeOf<string>();
  // Defaults: optional to write, present after parsing.
  expectTypeOf<FolderRequest['mode']>().toEqualTypeOf<'ro' | 'rw' | undefined>();
  expectTypeOf<FolderRequestOutput['mode']>().toEqualTypeOf<'ro' | 'rw'>();
}

export function recursion(tree: TreeNode): void {
  const child = tree.children?.[0];
  if (child) expectTypeOf(child.name).toEqualTypeOf<string>();
  expectTypeOf(tree.folder?.root).toEqualTypeOf<TreeNode | undefined>();
}
