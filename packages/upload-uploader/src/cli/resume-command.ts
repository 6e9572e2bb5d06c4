/** A shell word, quoted only when it needs to be. */
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that goes on where this one stopped: the same arguments, with `--resume` (and
 * without `--restart`, which would start afresh again).
 */
export function resumeCommand(argv: readonly string[]): string {
  const args = argv.filter((a) => a !== '--restart');
  if (!args.includes('--resume')) args.push('--resume');
  return ['upkit-upload', ...args].map(quote).join(' ');
}
