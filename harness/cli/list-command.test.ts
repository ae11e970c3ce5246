/** `lro-conformance list` as a user runs it: the clause table, and the clause metadata as JSON. */

import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseInfo } from '#reports';
import { type CliRun, runCli } from '../../tools/testing/run-cli.ts';
import { listClauseIds } from '../plan/suite-catalogue.ts';

describe('lro-conformance list', () => {
  let text: CliRun;
  let json: CliRun;
  beforeAll(async () => {
    [text, json] = await Promise.all([runCli(['list']), runCli(['list', '--format', 'json'])]);
  }, 120_000);

  it('prints an aligned table: id, strength, services, requires, title, a row per suite file', () => {
    expect(text.exitCode).toBe(0);
    expect(text.stderr).toBe('');
    const [header, ...rows] = text.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['id', 'strength', 'services', 'requires', 'title']);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(listClauseIds());
    const column = (line: string | undefined, word: string) => line?.indexOf(word) ?? -1;
    for (const row of rows) {
      expect(row.slice(column(header, 'strength')).split(' ')[0]).toMatch(
        /^(MUST|SHOULD|observed)$/,
      );
      expect(row.slice(column(header, 'requires')).split(' ')[0]).toMatch(
        /^(control|operation|cancellable-operation|nothing)$/,
      );
    }
    expect(text.stdout).toMatch(
      /\ncancel\/success-body-is-empty +MUST +adsdatahub,checks +cancellable-operation +\S/,
    );
  });

  it('prints the clause metadata as JSON with --format json', () => {
    expect(json.exitCode).toBe(0);
    const clauses = JSON.parse(json.stdout) as ClauseInfo[];
    expect(clauses.map((clause) => clause.id)).toEqual(listClauseIds());
    expect(clauses[0]).toMatchObject({
      id: expect.any(String),
      strength: expect.any(String),
      quote: expect.any(String),
      meanings: { FAIL: expect.any(String) },
    });
  });

  it('refuses an unknown format with one line, exit 2', async () => {
    const run = await runCli(['list', '--format', 'xml']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'lro-conformance list: unknown --format value "xml" (allowed: text, json)\n',
    );
  });
});
