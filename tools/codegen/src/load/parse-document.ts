import { parse as parseYaml } from 'yaml';
import { CodegenError } from '../errors/codegen-error.js';

/**
 * Parses the text of an OpenAPI (or referenced schema) file. JSON is tried first when the text looks
 * like JSON, since YAML parsing of a large JSON file is needlessly slow; everything else is YAML 1.2
 * with the core schema, so timestamps stay strings, as JSON Schema expects.
 */
export function parseDocument(text: string, fileName: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not JSON after all (e.g. YAML flow mapping): fall through to YAML.
    }
  }
  try {
    return parseYaml(text, { schema: 'core', merge: true, maxAliasCount: -1 }) as unknown;
  } catch (error) {
    throw new CodegenError(`Cannot parse ${fileName}: ${(error as Error).message}`);
  }
}
