export { startPrism } from './prism.js';
export type { PrismServer } from './prism.js';
export { responseExampleNames } from './openapi-examples.js';
