import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { parsePathTemplate } from './parse-path-template.ts';
import { PathTemplateSyntaxError } from './path-template-syntax-error.ts';

interface ValidCase {
  readonly source: string;
  readonly verb?: string;
  /** [name, segments template, multi-segment] per variable. */
  readonly variables: readonly (readonly [string, string, boolean])[];
}

const VALID: readonly ValidCase[] = [
  {
    source: '/v1/{name=operations/**}:cancel',
    verb: 'cancel',
    variables: [['name', 'operations/**', true]],
  },
  {
    source: '/v1alpha/{name=accounts/*/apps/*}/operations',
    variables: [['name', 'accounts/*/apps/*', true]],
  },
  { source: '/v1/{name}:cancel', verb: 'cancel', variables: [['name', '*', false]] },
  { source: '/v1/{name=*}', variables: [['name', '*', false]] },
  { source: '/v1/{name=operations}', variables: [['name', 'operations', false]] },
  { source: '/v1/{name=**}:wait', verb: 'wait', variables: [['name', '**', true]] },
  {
    source: '/v1/{name=networks/*/operations/reports/runs/*}:cancel',
    verb: 'cancel',
    variables: [['name', 'networks/*/operations/reports/runs/*', true]],
  },
  {
    source: '/v1/{parent.name=projects/*}/things/{thing_id}:do-it',
    verb: 'do-it',
    variables: [
      ['parent.name', 'projects/*', true],
      ['thing_id', '*', false],
    ],
  },
  { source: '/v1/*/x:verb', verb: 'verb', variables: [] },
  { source: '/v1/**', variables: [] },
  { source: '/**', variables: [] },
  { source: '/v1.2/a~b/c-d_e@f', variables: [] },
];

interface MalformedCase {
  readonly source: string;
  readonly position: number;
  readonly expected: string;
  /** A fragment of the hint, when the error carries one. */
  readonly hint?: string;
}

const SEGMENT = 'a segment: a literal, "*", "**" or "{"';
const INNER_SEGMENT = 'a segment: a literal, "*" or "**"';
const AFTER_MULTI = '":" or end of template';

const MALFORMED: readonly MalformedCase[] = [
  { source: '/v1/{name=operations/**:cancel', position: 24, expected: '"}"' },
  { source: '', position: 1, expected: '"/"' },
  { source: 'v1/{name}', position: 1, expected: '"/"' },
  { source: '/', position: 2, expected: SEGMENT, hint: 'never empty' },
  { source: '/v1/', position: 5, expected: SEGMENT, hint: 'never empty' },
  { source: '/v1//operations', position: 5, expected: SEGMENT, hint: 'never empty' },
  { source: '/v1/**/operations', position: 7, expected: AFTER_MULTI, hint: 'last segment' },
  { source: '/v1/**/{name}', position: 7, expected: AFTER_MULTI, hint: 'last segment' },
  { source: '/v1/***', position: 7, expected: AFTER_MULTI },
  { source: '/v1/{name=**}/operations', position: 14, expected: AFTER_MULTI, hint: 'last segment' },
  {
    source: '/v1/{name=operations/**}/{id}',
    position: 25,
    expected: AFTER_MULTI,
    hint: 'last segment',
  },
  { source: '/v1/{name=operations/**/x}', position: 24, expected: '"}"', hint: 'last segment' },
  { source: '/v1/{name=projects//x}', position: 20, expected: INNER_SEGMENT, hint: 'never empty' },
  { source: '/v1/{name=}', position: 11, expected: INNER_SEGMENT, hint: 'never empty' },
  {
    source: '/v1/{name=projects/{project}}',
    position: 20,
    expected: INNER_SEGMENT,
    hint: 'do not nest',
  },
  {
    source: '/v1/{name}/x/{name}:cancel',
    position: 15,
    expected: 'a field path not bound earlier',
    hint: '"name" is bound twice',
  },
  {
    source: '/v1/{a.b}/{a.b=x/*}',
    position: 12,
    expected: 'a field path not bound earlier',
    hint: '"a.b"',
  },
  {
    source: '/v1/{}',
    position: 6,
    expected: 'a field name (letters, digits and "_", not starting with a digit)',
  },
  {
    source: '/v1/{name.}',
    position: 11,
    expected: 'a field name (letters, digits and "_", not starting with a digit)',
  },
  {
    source: '/v1/{1name}',
    position: 6,
    expected: 'a field name (letters, digits and "_", not starting with a digit)',
  },
  { source: '/v1/{name', position: 10, expected: '".", "=" or "}"' },
  { source: '/v1/{name-x}', position: 10, expected: '".", "=" or "}"' },
  { source: '/v1/{name=*', position: 12, expected: '"/" or "}"' },
  { source: '/v1/{name=a:b}', position: 12, expected: '"/" or "}"' },
  { source: '/v1/{name}:', position: 12, expected: 'a verb (a literal after ":")' },
  { source: '/v1/{name}::x', position: 12, expected: 'a verb (a literal after ":")' },
  { source: '/v1/{name}:cancel/x', position: 18, expected: 'end of template' },
  { source: '/v1/a*', position: 6, expected: '"/", ":" or end of template' },
  { source: '/v1/a b', position: 6, expected: '"/", ":" or end of template' },
  { source: '/v1/a?x=1', position: 6, expected: '"/", ":" or end of template' },
  { source: '/v1/}', position: 5, expected: SEGMENT, hint: 'never empty' },
];

function catchSyntaxError(source: string): PathTemplateSyntaxError {
  try {
    parsePathTemplate(source);
  } catch (error) {
    if (error instanceof PathTemplateSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${source}" parsed, but a syntax error was expected`);
}

describe('parsePathTemplate', () => {
  it('builds the full syntax tree of a cancel binding', () => {
    const name = {
      kind: 'variable',
      fieldPath: ['name'],
      name: 'name',
      template: {
        source: 'operations/**',
        segments: [{ kind: 'literal', value: 'operations' }, { kind: 'multi-wildcard' }],
        multiSegment: true,
      },
    };
    expect(parsePathTemplate('/v1/{name=operations/**}:cancel')).toEqual({
      source: '/v1/{name=operations/**}:cancel',
      segments: [{ kind: 'literal', value: 'v1' }, name],
      verb: 'cancel',
      variables: [name],
    });
  });

  it('leaves out the verb when the template has none', () => {
    expect(parsePathTemplate('/v1/{name}')).not.toHaveProperty('verb');
  });

  for (const { source, verb, variables } of VALID) {
    it(`parses ${source}`, () => {
      const template = parsePathTemplate(source);
      expect(template.source).toBe(source);
      expect(template.verb).toBe(verb);
      const summary = template.variables.map((v) => [
        v.name,
        v.template.source,
        v.template.multiSegment,
      ]);
      expect(summary).toEqual(variables);
    });
  }

  for (const { source, position, expected, hint } of MALFORMED) {
    it(`rejects ${JSON.stringify(source)} at position ${position}`, () => {
      const error = catchSyntaxError(source);
      expect(error.position).toBe(position);
      expect(error.expected).toBe(expected);
      expect(error.source).toBe(source);
      expect(error.kind).toBe('path template');
      expect(error.message).toContain(
        `Invalid path template ${JSON.stringify(source)} at position ${position}: expected ${expected}`,
      );
      if (hint !== undefined) expect(error.message).toContain(hint);
      expect(isLroError(error)).toBe(true);
    });
  }

  it('words the error for an unclosed variable exactly', () => {
    expect(() => parsePathTemplate('/v1/{name=operations/**:cancel')).toThrow(
      'Invalid path template "/v1/{name=operations/**:cancel" at position 24: expected "}"',
    );
  });
});
