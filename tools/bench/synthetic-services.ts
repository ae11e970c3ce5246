/**
 * Synthetic service profiles for the scale benchmark. A service is data (specs/README.md: a new
 * service is one `<id>.openapi.json` in specs/services/), so scaling to N services writes N − 5
 * copies of the real documents into a private copy of the build. A copy differs from the document
 * it was made from only in its id (and the operation ids, which start with it): its routes and
 * quotes stay those of the documented service, and the reference tells the copies' operations
 * apart by their names, which carry the service id.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SUFFIX = '.openapi.json';

/** Adds services until `servicesDir` holds `total`; returns how many it wrote. */
export function addSyntheticServices(servicesDir: string, total: number): number {
  const originals = readdirSync(servicesDir)
    .filter((name) => name.endsWith(SUFFIX))
    .sort()
    .map((name) => ({
      id: name.slice(0, -SUFFIX.length),
      text: readFileSync(join(servicesDir, name), 'utf8'),
    }));
  let written = 0;
  for (let i = originals.length; i < total; i++) {
    const base = originals[i % originals.length];
    if (base === undefined) break;
    const id = `${base.id}-s${i}`;
    // Operation ids start with the service id (`checks.accounts.apps.operations.cancel`).
    const text = base.text.replaceAll(`"${base.id}.`, `"${id}.`);
    const document = JSON.parse(text) as { 'x-google-service': { id: string } };
    document['x-google-service'].id = id;
    writeFileSync(join(servicesDir, `${id}${SUFFIX}`), `${JSON.stringify(document, null, 2)}\n`);
    written += 1;
  }
  return written;
}
