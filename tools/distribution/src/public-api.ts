import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiReports, publicEntries, type ApiPackage } from './api-report.js';
import { publishable } from './publishable.js';

/** Where each package's report is checked in. */
export const REPORT_FILE = 'public-api.txt';

/** Every publishable package of the repository, with its entries. */
export async function publishablePackages(root: string): Promise<ApiPackage[]> {
  return Promise.all(
    (await publishable(root)).map(async ({ dir, manifest }) => ({
      name: manifest.name,
      dir,
      entries: await publicEntries(dir),
      // The generated schema entries: their shapes are pinned by check-generated.
      namesOnly:
        manifest.name === '@upkit/schemas' ? (subpath: string) => subpath !== '.' : undefined,
    })),
  );
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
