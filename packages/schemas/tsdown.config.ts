import { libraryBuildConfig } from '../../tsdown.shared.js';

const entry: Record<string, string> = { index: 'src/index.ts' };
for (const api of ['scenario', 'cadenya']) {
  entry[api] = `src/generated/${api}/index.ts`;
  entry[`${api}-classic`] = `src/generated/${api}/classic-index.ts`;
  entry[`${api}-standard`] = `src/generated/${api}/standard-index.ts`;
  entry[`${api}-operations`] = `src/generated/${api}/operations.ts`;
}

export default libraryBuildConfig({ platform: 'neutral', entry });
