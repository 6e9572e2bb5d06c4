import { libraryBuildConfig } from '../../tsdown.shared.js';

export default libraryBuildConfig({
  platform: 'node',
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
});
