import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICES_DIRECTORY, serviceDocumentUrls } from './document-files.ts';
import {
  loadCommonDocument,
  loadServiceDocument,
  loadServiceProfiles,
  readServiceProfiles,
  seedProfile,
  serviceIds,
  serviceProfile,
} from './load-profiles.ts';
import { SpecsDocumentError } from './specs-document-error.ts';

const SCOPE = 'https://www.googleapis.com/auth/';

/**
 * One row per service, from its documentation page (specs/seeds), its Discovery document
 * (specs/discovery) or googleapis service config, as each document's provenance records.
 */
const FACTS = [
  {
    id: 'adsdatahub',
    host: 'adsdatahub.googleapis.com',
    version: 'v1',
    nameTemplate: 'operations/**',
    cancelRule: '/v1/{name=operations/**}:cancel',
    cancelBody: 'none',
    wording: 'empty',
    scopes: [`${SCOPE}adsdatahub`],
    verbs: ['cancel', 'delete', 'get', 'wait'],
  },
  {
    id: 'admanager',
    host: 'admanager.googleapis.com',
    version: 'v1',
    nameTemplate: 'networks/*/operations/reports/runs/*',
    cancelRule: '/v1/{name=networks/*/operations/reports/runs/*}:cancel',
    cancelBody: 'none',
    wording: 'empty-json-object',
    scopes: [`${SCOPE}admanager`],
    verbs: ['cancel', 'get'],
  },
  {
    id: 'dai',
    host: 'dai.googleapis.com',
    version: 'v1',
    nameTemplate: 'operations/**',
    cancelRule: '/v1/{name=operations/**}:cancel',
    cancelBody: 'none',
    wording: 'empty-json-object',
    scopes: [],
    verbs: ['cancel', 'delete', 'get', 'list'],
  },
  {
    id: 'checks',
    host: 'checks.googleapis.com',
    version: 'v1alpha',
    nameTemplate: 'accounts/*/apps/*/operations/*',
    cancelRule: '/v1alpha/{name=accounts/*/apps/*/operations/*}:cancel',
    cancelBody: '*',
    wording: 'empty',
    scopes: [`${SCOPE}checks`],
    verbs: ['cancel', 'delete', 'get', 'list', 'wait'],
  },
  {
    id: 'datafusion',
    host: 'datafusion.googleapis.com',
    version: 'v1',
    nameTemplate: 'projects/*/locations/*/operations/*',
    cancelRule: '/v1/{name=projects/*/locations/*/operations/*}:cancel',
    cancelBody: '*',
    wording: 'empty-json-object',
    scopes: [`${SCOPE}cloud-platform`],
    verbs: ['cancel', 'delete', 'get', 'list'],
  },
] as const;

function profile(id: string) {
  const found = seedProfile(id);
  if (found === undefined) throw new Error(`no profile ${id}`);
  return found;
}

function withTemporaryDirectory<T>(use: (directory: URL) => T): T {
  const path = mkdtempSync(join(tmpdir(), 'lro-specs-'));
  try {
    return use(pathToFileURL(`${path}/`));
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

describe('loadServiceProfiles', () => {
  it('loads the five services, sorted by id, once', () => {
    const ids = serviceIds();
    expect(ids).toEqual(expect.arrayContaining(FACTS.map((fact) => fact.id)));
    expect(ids).toEqual(ids.toSorted());
    expect(loadServiceProfiles()).toBe(loadServiceProfiles());
  });

  it.each(FACTS)('reads $id as its documentation describes it', (fact) => {
    const found = profile(fact.id);
    expect({ host: found.host, version: found.version, nameTemplate: found.nameTemplate }).toEqual({
      host: fact.host,
      version: fact.version,
      nameTemplate: fact.nameTemplate,
    });
    expect(found.cancel).toMatchObject({
      verb: 'cancel',
      httpMethod: 'POST',
      httpRule: fact.cancelRule,
      body: fact.cancelBody,
      scopes: fact.scopes,
    });
    expect(found.get).toMatchObject({
      verb: 'get',
      httpMethod: 'GET',
      httpRule: fact.cancelRule.replace(':cancel', ''),
    });
    expect(found.successBody.wording).toBe(fact.wording);
    expect(found.cancelBodyQuote).toBe('The request body must be empty.');
    expect([...new Set(found.methods.map((method) => method.verb))].sort()).toEqual(fact.verbs);
  });

  it.each([
    ['dai', 'list', '/v1/{name=operations}', 'none'],
    ['datafusion', 'list', '/v1/{name=projects/*/locations/*}/operations', 'none'],
    ['adsdatahub', 'wait', '/v1/{name=operations/**}:wait', '*'],
    ['checks', 'wait', '/v1alpha/{name=accounts/*/apps/*/operations/*}:wait', '*'],
    ['checks', 'cancel', '/v1alpha/{name=projects/*/privacypolicy/operations/*}:cancel', 'none'],
  ])('binds %s %s to %s with body %s', (id, verb, httpRule, body) => {
    expect(profile(id).methods.filter((method) => method.verb === verb)).toContainEqual(
      expect.objectContaining({ httpRule, body }),
    );
  });

  it('keeps the Ad Manager rule as bound and as documented, and the readonly scope on get', () => {
    const admanager = profile('admanager');
    expect(admanager.cancel.documentedHttpRule).toBe('/v1/{name}:cancel');
    expect(admanager.get.scopes).toEqual([`${SCOPE}admanager`, `${SCOPE}admanager.readonly`]);
  });

  it('records the Discovery revision behind checks and datafusion only', () => {
    expect(profile('checks').provenance.discovery).toEqual({
      file: 'checks.v1alpha.rev20230807.json',
      revision: '20230807',
    });
    expect(profile('datafusion').provenance.discovery).toEqual({
      file: 'datafusion.v1.rev20260202.json',
      revision: '20260202',
    });
    expect(profile('dai').provenance.discovery).toBeUndefined();
  });

  it('answers undefined for an unknown id', () => {
    expect(serviceProfile('nope')).toBeUndefined();
  });

  it('loads a sixth service from data alone', () => {
    withTemporaryDirectory((directory) => {
      for (const url of serviceDocumentUrls())
        copyFileSync(url, new URL(url.pathname.split('/').at(-1) ?? '', directory));
      const sixth = JSON.stringify(loadServiceDocument('datafusion'))
        .replaceAll('"datafusion.', '"sixth.')
        .replace('"id":"datafusion"', '"id":"sixth"');
      writeFileSync(new URL('sixth.openapi.json', directory), sixth);
      expect(readServiceProfiles(directory).map((found) => found.id)).toEqual([
        ...serviceIds(),
        'sixth',
      ]);
    });
  });

  it.each([
    ['broken.openapi.json', '{"openapi": "3.1.0"', 'is not valid JSON'],
    ['bare.openapi.json', '{"openapi": "3.1.0", "paths": {}}', 'at x-google-service: missing'],
  ])('names the file when %s is malformed', (name, text, problem) => {
    withTemporaryDirectory((directory) => {
      writeFileSync(new URL(name, directory), text);
      expect(() => readServiceProfiles(directory)).toThrow(SpecsDocumentError);
      expect(() => readServiceProfiles(directory)).toThrow(`${new URL(name, directory).pathname}`);
      expect(() => readServiceProfiles(directory)).toThrow(problem);
    });
  });

  it('returns fresh parsed documents and names the known ids for an unknown one', () => {
    expect(loadServiceDocument('checks')).not.toBe(loadServiceDocument('checks'));
    expect(loadCommonDocument()).toMatchObject({
      components: { schemas: { Operation: { type: 'object' } } },
    });
    expect(() => loadServiceDocument('nope')).toThrow(
      'specs/services/nope.openapi.json: does not exist: there is no service "nope" (known: admanager, adsdatahub, checks, dai, datafusion)',
    );
    expect(SERVICES_DIRECTORY.pathname.endsWith('/specs/services/')).toBe(true);
  });
});
