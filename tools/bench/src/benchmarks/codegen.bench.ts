import { generate } from '@upkit/codegen';
import { cadenyaPublicSpecUrl } from '@upkit/test-utils';
import openapiTS, { astToString } from 'openapi-typescript';
import { interleaved, type Benchmark, type Measurement } from '../benchmark.js';

// The real-world input: the full public Cadenya document (OpenAPI 3.1, 488 KB, 142 operations),
// a fixture of @upkit/test-utils.
const SPEC = cadenyaPublicSpecUrl;
const ROUNDS = 5;

/**
 * Full generation (load, IR, both zod flavours, enums, operations, openapi-typescript types, prettier)
 * against openapi-typescript alone producing only the types, unformatted, from the same file.
 */
const bench: Benchmark = {
  name: '@upkit/codegen generation time (Cadenya document)',
  async run(): Promise<Measurement[]> {
    const candidate = () => generate({ input: SPEC });
    const baseline = async () => astToString(await openapiTS(SPEC, { silent: true }));

    const started = performance.now();
    await candidate();
    const cold = performance.now() - started;
    await baseline();

    const medians = await interleaved(ROUNDS, candidate, baseline);
    return [
      {
        name: `generate() all files, median of ${ROUNDS}`,
        value: medians.candidate,
        unit: 'ms',
        baseline: { name: 'openapi-typescript alone (types.ts only)', value: medians.baseline },
        target: '< 3000 ms',
      },
      {
        name: 'generate() first run in a fresh process',
        value: cold,
        unit: 'ms',
        target: '< 3000 ms',
      },
    ];
  },
};

export default bench;
