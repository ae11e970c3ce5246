/**
 * The catalogue as the shipped data makes it: every entry generated, the counts of the published
 * facts (specs/catalogue/README.md), each family of name shapes handled or refused with its
 * reason, and the seed services' generated profiles against their hand-written ones.
 */
import { describe, expect, it } from 'vitest';
import { seedProfile } from '../load-profiles.ts';
import { matchName, parseSegmentsTemplate } from '../path-template/index.ts';
import type { ServiceProfile } from '../service-profile.ts';
import { catalogueEntries, catalogueProfiles, knownDisagreements } from './catalogue.ts';
import { SHAPE_FAMILIES } from './name-shapes.ts';

const entries = catalogueEntries();
const discovery = entries.filter((entry) => entry.document.kind === 'discovery');
const byId = new Map(entries.map((entry) => [entry.id, entry]));

function profileOf(id: string): ServiceProfile {
  const outcome = byId.get(id)?.outcome;
  if (outcome?.kind !== 'profile') throw new Error(`${id} has no profile`);
  return outcome.profile;
}

describe('the catalogue', () => {
  it('has an entry per API: 98 from Discovery documents (231 cancels), 35 from service configurations only', () => {
    expect(entries).toHaveLength(133);
    expect(discovery).toHaveLength(98);
    expect(discovery.reduce((sum, entry) => sum + entry.cancels, 0)).toBe(231);
    expect(entries.map((entry) => entry.id)).toEqual(
      entries.map((entry) => entry.id).toSorted((a, b) => a.localeCompare(b)),
    );
  });

  it('generates a profile for every entry but the two that split the name into fields', () => {
    const refused = entries.filter((entry) => entry.outcome.kind === 'refused');
    expect(refused.map((entry) => entry.id)).toEqual(['sqladmin', 'storage']);
    for (const entry of refused) {
      expect(entry.families).toEqual(['split-fields']);
      expect(entry.outcome.kind === 'refused' && entry.outcome.reason).toMatch(
        /addresses the operation by the fields .+, not by one resource name/,
      );
    }
    expect(catalogueProfiles()).toHaveLength(131);
  });

  it('counts the APIs per family of name shape as published', () => {
    const counts = Object.fromEntries(
      SHAPE_FAMILIES.map((family) => [
        family.id,
        discovery.filter((entry) => entry.families.includes(family.id)).length,
      ]),
    );
    expect(counts).toEqual({
      'project-location': 69,
      'other-parent': 16,
      global: 13,
      'organization-location': 7,
      project: 6,
      'split-fields': 2,
      'transfer-operations': 1,
    });
  });

  it('reads the body rules: 80 APIs always send one, 17 never, videointelligence both', () => {
    const bodies = discovery.map((entry) => entry.body);
    expect(bodies.filter((body) => body === '*')).toHaveLength(80);
    expect(bodies.filter((body) => body === 'none')).toHaveLength(17);
    expect(discovery.filter((entry) => entry.body === 'both').map((entry) => entry.id)).toEqual([
      'videointelligence',
    ]);
  });

  it('finds the standard text in all its markup and the 8 texts of 6 APIs that deviate', () => {
    const deviating = discovery.flatMap((entry) =>
      entry.published.cancels
        .filter((cancel) => cancel.text.status !== 'standard')
        .map((cancel) => `${entry.id} ${cancel.text.status}`),
    );
    expect(deviating).toEqual([
      'container non-standard',
      'container non-standard',
      'dialogflow none',
      'dialogflow none',
      'firebasehosting non-standard',
      'sqladmin non-standard',
      'storage non-standard',
      'storagetransfer non-standard',
    ]);
    // Compared with markup, 17 cancels that say the standard text would read as different.
    const raw = discovery.flatMap((entry) =>
      entry.published.cancels
        .filter((cancel) => cancel.text.status === 'standard')
        .map((cancel) => cancel.text.text),
    );
    const most = [...new Set(raw)]
      .map((text) => [text, raw.filter((each) => each === text).length] as const)
      .sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(raw.filter((text) => text !== most)).toHaveLength(17);
    expect(new Set(raw).size).toBe(3);
  });

  it('handles the cancel bound to GET (datalabeling) and the five cancels with no get beside them', () => {
    const datalabeling = profileOf('datalabeling');
    expect(datalabeling.cancel.httpMethod).toBe('GET');
    expect(datalabeling.limits?.map((limit) => limit.call)).toEqual([
      'cancel-body',
      'get-on-cancel-url',
    ]);
    const noGet = discovery.flatMap((entry) =>
      entry.published.cancels
        .filter((cancel) => cancel.method !== undefined && cancel.get === undefined)
        .map(() => entry.id),
    );
    expect(noGet).toEqual([
      'chromemanagement',
      'firebasehosting',
      'firebasehosting',
      'runtimeconfig',
      'texttospeech',
    ]);
    for (const id of new Set(noGet)) {
      expect(profileOf(id).get).toBeUndefined();
      expect(profileOf(id).limits?.map((limit) => limit.call)).toEqual(['get']);
    }
    expect(profileOf('container').limits?.[0]?.reason).toMatch(
      /not a google.longrunning.Operation/,
    );
  });

  it('gives every profile a cancel that binds its name template and a get that reads its names', () => {
    for (const profile of catalogueProfiles()) {
      expect(profile.cancel.httpRule, profile.id).toContain(`{name=${profile.nameTemplate}}`);
      const sample = profile.nameTemplate.replaceAll('**', 'x').replaceAll('*', 'x');
      const get = profile.get?.httpRule.match(/\{name=([^}]*)\}/)?.[1];
      if (get !== undefined) expect(matchName(parseSegmentsTemplate(get), sample)).toBe(true);
      expect(profile.provenance.document?.file).toMatch(/^specs\/catalogue\//);
      expect(profile.provenance.cancelText?.text).not.toBe('');
    }
  });

  it("keeps each file's provenance: the index names every document, its revision and source", () => {
    for (const entry of discovery) {
      expect(entry.document.source, entry.id).toMatch(/@/);
      expect(entry.document.revision, entry.id).toMatch(/^\d+$/);
    }
    for (const entry of entries.filter((each) => each.document.kind === 'service-config')) {
      expect(entry.document.source).toMatch(
        /^https:\/\/github\.com\/googleapis\/googleapis\/blob\/master\/google\/.+\.yaml$/,
      );
    }
  });

  it('records the three APIs whose Discovery document and service config disagree', () => {
    expect(knownDisagreements().map((known) => known.api)).toEqual([
      'artifactregistry',
      'bigtableadmin',
      'cloudscheduler',
    ]);
  });
});

describe("the seed services' generated profiles", () => {
  it('keep the words and pages of their seeds', () => {
    for (const id of ['admanager', 'checks', 'datafusion']) {
      const seed = seedProfile(id);
      const generated = profileOf(id);
      expect(generated.successBody).toEqual(seed?.successBody);
      expect(generated.cancelBodyQuote).toBe(seed?.cancelBodyQuote);
      expect(generated.provenance.seed).toBe(seed?.provenance.seed);
    }
  });

  it('agree with the hand-written profiles on the routes, and differ where the published data says more', () => {
    const differences = (id: string) => {
      const seed = seedProfile(id);
      const generated = profileOf(id);
      if (seed === undefined) throw new Error(id);
      const found: string[] = [];
      if (seed.nameTemplate !== generated.nameTemplate) found.push('nameTemplate');
      if (seed.cancel.httpRule !== generated.cancel.httpRule) found.push('cancel rule');
      if (seed.get.httpRule !== generated.get?.httpRule) found.push('get rule');
      if (seed.cancel.body !== generated.cancel.body) found.push('cancel body');
      if (seed.cancel.scopes.join() !== generated.cancel.scopes.join()) found.push('cancel scopes');
      const verbs = (profile: ServiceProfile) =>
        profile.methods
          .map((m) => m.id)
          .sort()
          .join();
      if (verbs(seed) !== verbs(generated)) found.push('methods');
      return found;
    };
    // checks: the Discovery revision kept (20240626) dropped the projects/*/privacypolicy
    // collection the hand-written document (rev 20230807) lists, and publishes no scope.
    expect(differences('checks')).toEqual(['cancel scopes', 'methods']);
    expect(differences('datafusion')).toEqual([]);
    // admanager: the service config carries no scopes and binds cancel and get only.
    expect(differences('admanager')).toEqual(['cancel scopes', 'methods']);
  });
});
