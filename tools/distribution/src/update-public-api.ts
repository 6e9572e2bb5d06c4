// `npm run api:update`: writes each package's public-api.txt from its sources.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compareReports } from './public-api.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
for (const { pkg, file, now, checkedIn } of await compareReports(root)) {
  if (now === checkedIn) continue;
  await writeFile(file, now);
  console.log(`${pkg.name}: ${checkedIn === undefined ? 'written' : 'updated'}`);
}
