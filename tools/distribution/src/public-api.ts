import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiReports, publicEntries, type ApiPackage } from './api-report.js';

/** Where each package's report is checked in. */
export const REPORT_FILE = 'public-api.txt';

/** Every publishable package of the repository, with its entries. */
export async function publishablePackages(root: string): Promise<ApiPackage[]> {
  const packages: ApiPackage[] = [];
  for (const group of ['packages', 'tools']) {
    for (const name of (await readdir(join(root, group))).sort()) {
      const dir = join(root, group, name);
      const manifest = JSON.parse(
        await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}'),
      );
      if (!manifest.name || manifest.private) continue;
      packages.push({
        name: manifest.name,
        dir,
        entries: await publicEntries(dir),
        // The generated schema entries: their shapes are pinned by check-generated.
        namesOnly: manifest.name === '@upkit/schemas' ? (subpath) => subpath !== '.' : undefined,
      });
    }
  }
  return packages;
}

/** Each package's report as it is now, and as checked in. */
export async function compareReports(root: string) {
  const packages = await publishablePackages(root);
  const reports = apiReports(packages, root);
  return Promise.all(
    packages.map(async (pkg) => ({
      pkg,
      file: join(pkg.dir, REPORT_FILE),
      now: reports.get(pkg.name)!,
      checkedIn: await readFile(join(pkg.dir, REPORT_FILE), 'utf8').catch(() => undefined),
    })),
  );
}
