import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLI_FLAGS } from './cli-flags.js';
import { USAGE } from './parse-cli-args.js';

const README = new URL('../../README.md', import.meta.url);

describe('the README', () => {
  it('shows the help as the CLI prints it, so every flag is documented as it is', async () => {
    const text = await readFile(README, 'utf8');
    expect(text).toContain(USAGE.trimEnd());
    for (const name of Object.keys(CLI_FLAGS)) expect(text).toContain(`--${name}`);
  });
});
