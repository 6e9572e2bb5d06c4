// The end-to-end demo (an upload through @upkit/upload-uploader against @upkit/sandbox) lands with
// those packages. Until then this prints what the workspace holds, so `npm run demo` works on a fresh clone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
console.log('upkit workspace packages:');
for (const group of ['packages', 'tools']) {
  for (const name of readdirSync(join(root, group)).sort()) {
    const pkg = JSON.parse(readFileSync(join(root, group, name, 'package.json'), 'utf8'));
    console.log(
      `  ${pkg.name}@${pkg.version}${pkg.private ? ' (private)' : ''}: ${pkg.description}`,
    );
  }
}
console.log(
  '\nThe upload demo against the local sandbox arrives with @upkit/sandbox and @upkit/upload-uploader.',
);
