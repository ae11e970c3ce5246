/**
 * `drift --catalogue`: the shipped folder is the catalogue (no drift, everything known reported
 * as known); markup variants of the standard text are no drift; real changes are, each at its
 * level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANDARD_CANCEL_TEXT, withoutMarkup } from '#specs';
import { catalogueDrift, type FolderDocument } from './catalogue-drift.ts';

const FOLDER = new URL('../../specs/catalogue/discovery/', import.meta.url);

function shipped(): FolderDocument[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith('.json') && name !== 'index.json')
    .sort()
    .map((name) => ({
      file: name,
      document: JSON.parse(readFileSync(new URL(name, FOLDER), 'utf8')) as unknown,
    }));
}

type Method = { description?: string; path?: string; request?: unknown; httpMethod?: string };

/** Every method of every resource with a cancel, to edit a copy of a document. */
function methodsOf(document: unknown, verb: string): Method[] {
  const found: Method[] = [];
  type Resource = { methods?: Record<string, Method>; resources?: unknown };
  const walk = (resources: unknown) => {
    for (const resource of Object.values((resources ?? {}) as Record<string, Resource>)) {
      const method = resource.methods?.[verb];
      if (method !== undefined && resource.methods?.cancel !== undefined) found.push(method);
      walk(resource.resources);
    }
  };
  walk((document as { resources?: unknown }).resources);
  return found;
}

function edited(api: string, edit: (document: unknown) => void): FolderDocument[] {
  return shipped().map((entry) => {
    if ((entry.document as { name?: string }).name !== api) return entry;
    const copy = structuredClone(entry.document);
    edit(copy);
    return { ...entry, document: copy };
  });
}

describe('catalogueDrift', () => {
  it('finds no drift in the shipped folder and reports what the catalogue knows as known', () => {
    const report = catalogueDrift('specs/catalogue/discovery', shipped(), 'any');
    expect(report.changes).toEqual([]);
    expect(report.compared).toHaveLength(98);
    expect(report.notInFolder).toEqual([]);
    expect(report.known.filter((known) => known.kind === 'non-standard-text')).toHaveLength(8);
    expect(
      report.known.filter((known) => known.kind === 'disagreement').map((known) => known.api),
    ).toEqual(['artifactregistry', 'bigtableadmin', 'cloudscheduler']);
    expect(report.summary).toMatchObject({ failing: 0, known: 11 });
  });

  it('takes no markup variant of the standard text for drift', () => {
    const variants = [
      withoutMarkup(STANDARD_CANCEL_TEXT),
      STANDARD_CANCEL_TEXT.replace('`1`', '1'),
      STANDARD_CANCEL_TEXT,
    ];
    const folder = shipped().map((entry, index) => {
      const copy = structuredClone(entry.document);
      for (const cancel of methodsOf(copy, 'cancel')) {
        if (withoutMarkup(cancel.description ?? '') === withoutMarkup(STANDARD_CANCEL_TEXT)) {
          cancel.description = variants[index % variants.length] ?? STANDARD_CANCEL_TEXT;
        }
      }
      return { ...entry, document: copy };
    });
    expect(catalogueDrift('variants', folder, 'any').changes).toEqual([]);
  });

  it('reports a removed cancel, a changed path and body rule as breaking, a new text as changed', () => {
    const folder = edited('workstations', (document) => {
      const [cancel] = methodsOf(document, 'cancel');
      if (cancel === undefined) throw new Error('no cancel');
      cancel.path = 'v2/{+name}:cancel';
      delete cancel.request;
      cancel.description = 'Cancels an operation, if it can.';
    });
    const report = catalogueDrift('edited', folder, 'breaking');
    expect(report.changes.map((change) => `${change.level} ${change.check}`)).toEqual([
      'breaking body-rule-changed',
      'breaking path-changed',
      'changed cancel-text-changed',
    ]);
    expect(report.summary.failing).toBe(2);
    const gone = catalogueDrift(
      'gone',
      edited('texttospeech', (document) => {
        (document as { resources: unknown }).resources = {};
      }),
      'any',
    );
    expect(gone.changes).toMatchObject([
      { api: 'texttospeech', check: 'api-without-cancel', level: 'breaking' },
    ]);
  });

  it('reports an API the catalogue does not know as news, and one missing from the folder', () => {
    const folder = shipped().filter((entry) => entry.file !== 'vault.v1.json');
    const myApi = JSON.parse(
      readFileSync(new URL('../../docs/examples/my-api.discovery.json', import.meta.url), 'utf8'),
    ) as unknown;
    const report = catalogueDrift(
      'mixed',
      [...folder, { file: 'my-api.json', document: myApi }],
      'any',
    );
    expect(report.changes).toMatchObject([{ api: 'myapi', check: 'api-added', level: 'info' }]);
    expect(report.notInFolder).toEqual(['vault']);
  });
});
