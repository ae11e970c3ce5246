/**
 * Writes docs/CLIENTS.md from a fresh run of every official Node client against the reference
 * (`npm run generate`). tools/interop/client-matrix.test.ts fails while the committed
 * file differs from what its own run of the same matrix renders.
 */
import { writeFileSync } from 'node:fs';

export const CLIENTS_DOC = new URL('../../docs/CLIENTS.md', import.meta.url);

if (import.meta.main) {
  // As in vitest.config.ts: google-auth-library must not probe for a GCE metadata server.
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  const { observeClientMatrix } = await import('../interop/client-matrix/observe-client-matrix.ts');
  const { renderClientsDoc } = await import('../interop/client-matrix/render-clients-doc.ts');
  writeFileSync(CLIENTS_DOC, renderClientsDoc(await observeClientMatrix()));
  process.stdout.write(`wrote ${CLIENTS_DOC.pathname}\n`);
}
