/**
 * `npm run generate`: writes the openapi-typescript types of every specs document to
 * specs/generated/ and removes files whose document is gone (see ../generated-types.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { REPOSITORY_ROOT } from '../../specs/document-files.ts';
import {
  GENERATED_DIRECTORY,
  readGeneratedTypes,
  renderGeneratedTypes,
} from '../../specs/generated-types.ts';

const rendered = await renderGeneratedTypes();
mkdirSync(GENERATED_DIRECTORY, { recursive: true });
for (const path of readGeneratedTypes().keys()) {
  if (!rendered.has(path)) rmSync(new URL(path, REPOSITORY_ROOT));
}
for (const [path, text] of rendered) writeFileSync(new URL(path, REPOSITORY_ROOT), text);
process.stdout.write(`Wrote ${rendered.size} files to specs/generated/.\n`);
