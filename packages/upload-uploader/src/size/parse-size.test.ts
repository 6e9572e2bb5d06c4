import { ConfigurationError } from '@upkit/core-http';
import { describe, expect, it } from 'vitest';
import { formatBytes, parseSize } from './parse-size.js';

describe('parseSize', () => {
  it.each([
    [1024, 1024],
    ['1024', 1024],
    ['16MiB', 16 * 2 ** 20],
    ['16 mib', 16 * 2 ** 20],
    ['5MB', 5_000_000],
    ['1.5MiB', 1.5 * 2 ** 20],
    ['2GiB', 2 * 2 ** 30],
    ['1TB', 1e12],
    ['0', 0],
  ])('reads %j as %d bytes', (input, bytes) => {
    expect(parseSize(input, 'partSize')).toBe(bytes);
  });

  it.each([['16XB'], ['-1'], [-1], [1.5], ['1.5B'], [''], ['MiB'], [Number.NaN], [2 ** 60]])(
    'refuses %j with a ConfigurationError naming the option',
    (input) => {
      let error: unknown;
      try {
        parseSize(input, 'partSize');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: 'partSize' });
      expect((error as Error).message).toMatch(/^partSize must be a whole number of bytes/);
    },
  );
});

describe('formatBytes', () => {
  it('prints the largest fitting binary unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(16 * 2 ** 20)).toBe('16 MiB');
    expect(formatBytes(1.5 * 2 ** 30)).toBe('1.5 GiB');
    expect(formatBytes(5 * 2 ** 40)).toBe('5 TiB');
  });
});
