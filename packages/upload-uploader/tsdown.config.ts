import { libraryBuildConfig } from '../../tsdown.shared.js';

export default libraryBuildConfig({
  platform: 'node',
  // The portable entry (fetch, Blob slices) and the Node one (file paths, node:http), chosen by
  // the `node` export condition.
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', cli: 'src/cli/main.ts' },
});
