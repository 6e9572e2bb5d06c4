import { SandboxConfigError } from './errors/sandbox-config-error.js';
import type { SandboxOptions } from './options.js';
import { isGroup, OPTIONS_TABLE } from './options-table.js';
import type { OptionGroup, OptionKind } from './options-table.js';

/** How a check names a setting in its message, from its path (`['faults', 'api', 'errorRate']`). */
export type NameSetting = (path: readonly string[]) => string;

/** `faults.api.errorRate`; the root is `options`. */
export const dottedName: NameSetting = (path) => path.join('.') || 'options';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: unknown) =>
  typeof value === 'function'
    ? 'a function'
    : typeof value === 'object' && value !== null
      ? Array.isArray(value)
        ? JSON.stringify(value)
        : 'an object'
      : typeof value === 'string'
        ? JSON.stringify(value)
        : String(value);

const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

const isHttpUrl = (value: unknown) => {
  try {
    return isText(value) && ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const orList = (values: readonly number[]) =>
  values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : String(values[0]);

/** What a value of the kind must be, for a refusal: `an integer in [0, 1]`. */
function requirement(kind: OptionKind): string {
  switch (kind.type) {
    case 'integer':
    case 'number':
      return `${kind.type === 'integer' ? 'an integer' : 'a number'} in [${kind.min}, ${kind.max}]`;
    case 'latency':
      return `a number of ms in [0, ${kind.max}], or a range [min, max] within it`;
    case 'status':
      return `${orList(kind.statuses)}${kind.list ? ' (or a list of them)' : ''}`;
    case 'string':
      return 'a non-empty string';
    case 'strings':
      return 'a list of non-empty strings';
    case 'url':
      return 'an http or https URL';
    case 'boolean':
      return 'true or false';
    case 'function':
      return 'a function';
    case 'logger':
      return 'a logger (info, warn and error functions)';
  }
}

/** True when the value is of the kind. */
function fits(kind: OptionKind, value: unknown): boolean {
  switch (kind.type) {
    case 'integer':
      return Number.isInteger(value) && inRange(value, kind.min, kind.max);
    case 'number':
      return inRange(value, kind.min, kind.max);
    case 'latency':
      return Array.isArray(value)
        ? value.length === 2 &&
            inRange(value[0], 0, kind.max) &&
            inRange(value[1], value[0], kind.max)
        : inRange(value, 0, kind.max);
    case 'status': {
      const isStatus = (v: unknown) => kind.statuses.includes(v as number);
      return Array.isArray(value)
        ? kind.list && value.length > 0 && value.every(isStatus)
        : isStatus(value);
    }
    case 'string':
      return isText(value);
    case 'strings':
      return Array.isArray(value) && value.every(isText);
    case 'url':
      return isHttpUrl(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'function':
      return typeof value === 'function';
    case 'logger':
      return (
        isRecord(value) && ['info', 'warn', 'error'].every((m) => typeof value[m] === 'function')
      );
  }
}

/**
 * Checks a value against a group of the options table: every setting of its kind, no setting the
 * group does not have (undefined ones are as good as absent).
 * @returns a copy holding the settings that are set (lists copied too)
 * @throws SandboxConfigError naming the first bad setting
 */
export function checkGroup(
  group: OptionGroup,
  value: unknown,
  path: readonly string[] = [],
  name: NameSetting = dottedName,
): Record<string, unknown> {
  if (!isRecord(value)) throw new SandboxConfigError(`${name(path)} must be an object`);
  for (const [key, setting] of Object.entries(value)) {
    if (setting !== undefined && !Object.hasOwn(group.rows, key)) {
      throw new SandboxConfigError(`${name(path)}: unknown setting "${key}"`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, row] of Object.entries(group.rows)) {
    const setting = value[key];
    if (setting === undefined) continue;
    const at = [...path, key];
    if (isGroup(row)) {
      out[key] = checkGroup(row, setting, at, name);
    } else if (fits(row.kind, setting)) {
      out[key] = Array.isArray(setting) ? [...(setting as unknown[])] : setting;
    } else {
      throw new SandboxConfigError(
        `${name(at)} must be ${requirement(row.kind)}, got ${shown(setting)}`,
      );
    }
  }
  return out;
}

/**
 * Checks every option of `startSandbox` against the options table.
 * @throws SandboxConfigError naming the first bad one
 */
export function checkOptions(options: SandboxOptions, name: NameSetting = dottedName): void {
  checkGroup(OPTIONS_TABLE, options, [], name);
}
