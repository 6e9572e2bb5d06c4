// @upkit/core-http/internal: helpers for packages built on core-http (the upkit clients, the
// uploader). Not covered by semver: see README.md beside this file.
export { toHttpClientConfig } from '../client/to-http-client-config.js';
export type { ClientIdentity } from '../client/to-http-client-config.js';
export { resolveOption } from '../resolve-option.js';
export type { ResolveOptionParams } from '../resolve-option.js';
export { brand as brandError } from '../errors/brand.js';
