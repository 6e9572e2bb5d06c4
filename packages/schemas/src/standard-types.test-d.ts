// Compile-time checks (tsc -b, never run): the zod-free validators infer exactly the types of the
// zod/mini schemas, so switching a descriptor to them changes no caller's types.
import { expectTypeOf } from 'vitest';
import type * as z from 'zod/mini';
import type * as cadenyaMini from './generated/cadenya/index.js';
import type * as cadenya from './generated/cadenya/standard-index.js';
import type * as scenarioMini from './generated/scenario/index.js';
import type * as scenario from './generated/scenario/standard-index.js';

type Out<S extends cadenya.StandardSchemaV1> = cadenya.StandardSchemaV1.InferOutput<S>;
type In<S extends cadenya.StandardSchemaV1> = cadenya.StandardSchemaV1.InferInput<S>;

export function sameAsZodMini(): void {
  expectTypeOf<Out<typeof cadenya.CadenyaUpload>>().branded.toEqualTypeOf<
    z.output<typeof cadenyaMini.CadenyaUpload>
  >();
  expectTypeOf<In<typeof cadenya.CadenyaUploadServiceCreateUploadBody>>().branded.toEqualTypeOf<
    z.input<typeof cadenyaMini.CadenyaUploadServiceCreateUploadBody>
  >();
  expectTypeOf<
    In<typeof cadenya.CadenyaMemoryServiceCreateMemoryEntryBody>
  >().branded.toEqualTypeOf<
    z.input<typeof cadenyaMini.CadenyaMemoryServiceCreateMemoryEntryBody>
  >();
  expectTypeOf<Out<typeof scenario.ScenarioGetUploadResponse>>().branded.toEqualTypeOf<
    z.output<typeof scenarioMini.ScenarioGetUploadResponse>
  >();
  expectTypeOf<In<typeof scenario.ScenarioCreateUploadBody>>().branded.toEqualTypeOf<
    z.input<typeof scenarioMini.ScenarioCreateUploadBody>
  >();
  expectTypeOf<cadenya.CadenyaUpload>().branded.toEqualTypeOf<cadenyaMini.CadenyaUpload>();
}

export function usableTypes(upload: cadenya.CadenyaUpload): void {
  expectTypeOf(upload.spec.sizeBytes).toEqualTypeOf<string>();
  expectTypeOf(upload.info.uploadUrlExpiresAt).toEqualTypeOf<string | undefined>();
  // Responses keep unknown keys, typed unknown.
  expectTypeOf(upload.somethingNew).toEqualTypeOf<unknown>();
  // @ts-expect-error request bodies are strict: no unknown keys
  ({ action: 'complete', force: true }) satisfies scenario.ScenarioTriggerUploadActionBody;
}
