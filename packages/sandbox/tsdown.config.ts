import { libraryBuildConfig } from '../../tsdown.shared.js';

export default libraryBuildConfig({ platform: 'node' });
