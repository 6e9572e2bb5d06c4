import { libraryBuildConfig } from '../../tsdown.shared.js';

export default libraryBuildConfig({
  platform: 'neutral',
  // `./internal`: helpers for packages built on core-http (see src/internal/README.md).
  entry: { index: 'src/index.ts', internal: 'src/internal/index.ts' },
});
