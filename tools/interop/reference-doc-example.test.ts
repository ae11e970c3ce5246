/**
 * docs/REFERENCE.md's way around @google-ads/admanager's missing cancel cannot rot: the page must
 * show docs/examples/cancel-admanager-report-run.ts verbatim, and running that file with Node (as
 * a user would, in its own process) must print what the page says it prints.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { docExample } from './doc-example.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'docs/examples/cancel-admanager-report-run.ts';
const page = () => readFileSync(new URL('docs/REFERENCE.md', `file://${ROOT}`), 'utf8');
const source = () => readFileSync(new URL(FILE, `file://${ROOT}`), 'utf8');

describe('the Ad Manager cancel example in docs/REFERENCE.md', () => {
  it('shows the example file verbatim', () => {
    expect(docExample(page(), FILE).source).toBe(source());
  });

  it('notices a page whose example differs from the file', () => {
    const edited = page().replace("body: '',", "body: '*',");

    expect(docExample(edited, FILE).source).not.toBe(source());
  });

  it('prints what the page says when run with node', { timeout: 60_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, METADATA_SERVER_DETECTION: 'none' };
    for (const proxy of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) {
      delete env[proxy];
    }

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=lro-source', FILE],
      { cwd: ROOT, env },
    );

    expect(stdout).toBe(docExample(page(), FILE).output);
  });
});
