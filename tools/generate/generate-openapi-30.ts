/**
 * `npm run generate`: writes specs/openapi-3.0/, the service documents in the form standard
 * OpenAPI tools load as they are (specs/openapi-30-documents.ts), and removes files whose
 * service document is gone.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { REPOSITORY_ROOT } from '../../specs/document-files.ts';
import {
  OPENAPI_30_DIRECTORY,
  renderOpenApi30Documents,
} from '../../specs/openapi-30-documents.ts';

const rendered = renderOpenApi30Documents();
mkdirSync(OPENAPI_30_DIRECTORY, { recursive: true });
for (const name of readdirSync(OPENAPI_30_DIRECTORY)) {
  const path = `specs/openapi-3.0/${name}`;
  if (!rendered.has(path)) rmSync(new URL(path, REPOSITORY_ROOT));
}
for (const [path, text] of rendered) writeFileSync(new URL(path, REPOSITORY_ROOT), text);
process.stdout.write(`Wrote ${rendered.size} files to specs/openapi-3.0/.\n`);
