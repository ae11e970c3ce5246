/**
 * One ajv instance in the JSON Schema 2020-12 dialect, which OpenAPI 3.1 uses
 * (https://spec.openapis.org/oas/v3.1.0#data-types), with the shared components document added
 * under COMMON_SCHEMA_ID so that `${COMMON_SCHEMA_ID}#/components/schemas/<Name>` resolves.
 * Strict mode stays on: the keywords and formats OpenAPI and Google documents use are declared.
 */
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readCommonDocument } from './common-document.ts';

/** Never fetched: ajv is given no loadSchema, so every $ref resolves in memory. */
export const COMMON_SCHEMA_ID = 'https://lro-conformance.invalid/specs/common.openapi.json';

// ajv-formats is CommonJS; under NodeNext its default import is module.exports.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ??
  (addFormatsModule as unknown as typeof addFormatsModule.default);

/** OpenAPI 3.1 schema annotations that are not JSON Schema 2020-12 keywords. */
const OPENAPI_SCHEMA_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

/**
 * The fields of an OpenAPI Object: ajv compiles the added document's root as a schema when it
 * resolves `#/components/...`, and strict mode would reject these as unknown keywords.
 */
const OPENAPI_DOCUMENT_FIELDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
];

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function decimalInRange(min: bigint, max: bigint): (value: string) => boolean {
  return (value) => /^-?\d+$/.test(value) && BigInt(value) >= min && BigInt(value) <= max;
}

/** The Google Duration format's pattern (its standalone module spells it the same way). */
export const GOOGLE_DURATION = /^-?\d{1,12}(\.\d{1,9})?s$/;

export function createCommonAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, ...options });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_SCHEMA_KEYWORDS, ...OPENAPI_DOCUMENT_FIELDS]);
  // Google formats (Discovery "format" values). The proto3 JSON mapping sends 64-bit integers
  // as decimal strings and Durations as "<seconds>[.<fraction>]s" with up to 9 fraction digits;
  // ajv-formats' own int64 checks numbers, but Discovery types int64 fields as strings.
  ajv.addFormat('google-duration', GOOGLE_DURATION);
  ajv.addFormat('int64', { type: 'string', validate: decimalInRange(INT64_MIN, INT64_MAX) });
  ajv.addFormat('uint64', { type: 'string', validate: decimalInRange(0n, UINT64_MAX) });
  ajv.addSchema({ ...readCommonDocument(), $id: COMMON_SCHEMA_ID });
  return ajv;
}
