import type { Benchmark, Measurement } from '../benchmark.js';
import { gzippedBundleSize } from '../bundle-size.js';

/**
 * What validating one Cadenya Upload costs a browser bundle: the app parses a payload with
 * `CadenyaUpload` and nothing else. Baseline: the same model written with classic zod
 * (`@upkit/schemas/cadenya/classic`), which is what a generator emitting `import { z } from 'zod'` gives.
 * Then the zod-free validators the clients use (`@upkit/schemas/cadenya/standard`), against zod/mini,
 * both called the way core-http calls them (`schema['~standard'].validate`).
 */
const bench: Benchmark = {
  name: '@upkit/schemas bundle size',
  async run(): Promise<Measurement[]> {
    const app = (subpath: string) =>
      `import { CadenyaUpload } from '@upkit/schemas/${subpath}';\n` +
      `export const parse = (data: unknown) => CadenyaUpload.parse(data);\n`;
    const mini = await gzippedBundleSize(app('cadenya'));
    const classic = await gzippedBundleSize(app('cadenya/classic'));
    const scenario = await gzippedBundleSize(
      `import { ScenarioGetUploadResponse } from '@upkit/schemas/scenario';\n` +
        `export const parse = (data: unknown) => ScenarioGetUploadResponse.parse(data);\n`,
    );
    const validating = (subpath: string) =>
      `import { CadenyaUpload } from '@upkit/schemas/${subpath}';\n` +
      `export const validate = (data: unknown) => CadenyaUpload['~standard'].validate(data);\n`;
    const standard = await gzippedBundleSize(validating('cadenya/standard'));
    const miniValidate = await gzippedBundleSize(validating('cadenya'));
    return [
      {
        name: 'app validating one CadenyaUpload with @upkit/schemas/cadenya/standard (zod-free), min+gz',
        value: standard,
        unit: 'bytes',
        baseline: {
          name: 'same with @upkit/schemas/cadenya (zod/mini)',
          value: miniValidate,
        },
        target: 'a small share of the 9.5 KB budget of an app calling cadenya.uploads.retrieve',
      },
      {
        name: 'app parsing one CadenyaUpload with @upkit/schemas/cadenya (zod/mini), min+gz',
        value: mini,
        unit: 'bytes',
        baseline: {
          name: 'same with @upkit/schemas/cadenya/classic (classic zod)',
          value: classic,
        },
        target: 'small enough for a client bundle (see the clients’ 9.5 KB target)',
      },
      {
        name: 'app parsing one Scenario upload response with @upkit/schemas/scenario (zod/mini), min+gz',
        value: scenario,
        unit: 'bytes',
      },
    ];
  },
};

export default bench;
