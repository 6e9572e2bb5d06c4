export { startPrism } from './prism.js';
export type { PrismServer } from './prism.js';
export { responseExampleNames } from './openapi-examples.js';
export { errorResponseExamples } from './openapi-error-examples.js';
export type { ErrorResponseExample } from './openapi-error-examples.js';
export {
  SEEDS,
  cadenyaPublicSpecPath,
  cadenyaPublicSpecUrl,
  seedDocument,
  seedExample,
} from './fixtures.js';
export type { SeedName } from './fixtures.js';
export { startReplyServer } from './reply-server.js';
export type { ReplyServer } from './reply-server.js';
export { describeClientExports, reExportsOf } from './client-exports.js';
export type { ClientExports } from './client-exports.js';
export { glbBytes } from './glb.js';
