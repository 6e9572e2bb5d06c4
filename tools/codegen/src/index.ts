export { VERSION } from './version.js';
export { generate, writeGeneratedFiles, GENERATED_FILES } from './generate.js';
export type { GenerateOptions, GenerateResult } from './generate.js';
export { compareWithDirectory, isClean } from './check.js';
export type { CheckResult } from './check.js';
export { runCli } from './run-cli.js';
export type { CliIo } from './run-cli.js';
export { CodegenError } from './errors/codegen-error.js';
