import { describe, expect, it } from 'vitest';
import * as pathTemplate from './index.ts';

describe('path-template entry point', () => {
  it('exports the names other harness modules code against', () => {
    expect(Object.keys(pathTemplate).sort()).toEqual([
      'PathExpansionError',
      'PathTemplateSyntaxError',
      'expandPath',
      'isPathExpansionError',
      'isPathTemplateSyntaxError',
      'matchName',
      'matchPath',
      'parsePathTemplate',
      'parseSegmentsTemplate',
      'sampleNames',
    ]);
  });

  it('parses, matches and expands a cancel binding end to end', () => {
    const template = pathTemplate.parsePathTemplate(
      '/v1alpha/{name=accounts/*/apps/*/operations/*}:cancel',
    );
    const urlPath = '/v1alpha/accounts/a/apps/b/operations/c:cancel';
    expect(pathTemplate.matchPath(template, urlPath)).toEqual({
      name: 'accounts/a/apps/b/operations/c',
    });
    expect(pathTemplate.expandPath(template, { name: 'accounts/a/apps/b/operations/c' })).toBe(
      urlPath,
    );
  });
});
