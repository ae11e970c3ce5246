/**
 * Builds a ServiceProfile from one parsed document in the project's OpenAPI form (specs/README.md
 * lists the extensions it reads). Pure: the loader reads the files, this turns data into a
 * profile or throws a SpecsDocumentError that names the file and the missing or invalid
 * extension. A seed document (specs/services/) must carry everything, its seed and quotes
 * included; a user's own document (`--service-document`) needs only what a run needs: the service,
 * its HTTP rules and scopes. Where it quotes nothing, the standard text of operations.proto stands.
 */
import type { JsonObject } from '#base';
import { cancelTextOf, OPERATIONS_PROTO_URL } from './catalogue/cancel-text.ts';
import { nameVariableOf } from './http-rule.ts';
import { DocumentReader } from './json-access.ts';
import { type ReadMethod, readOperationsMethods } from './operations-methods.ts';
import type {
  Provenance,
  SeedServiceProfile,
  ServiceProfile,
  SuccessBodyWording,
} from './service-profile.ts';

const WORDINGS: readonly SuccessBodyWording[] = ['empty', 'empty-json-object'];
const RESERVED_IDS = ['common', 'index'];

/** A user's document says nothing of the bodies: the operations.proto signature does. */
const PROTO_SUCCESS_QUOTE =
  'rpc CancelOperation(CancelOperationRequest) returns (google.protobuf.Empty)';
const PROTO_REQUEST_QUOTE = 'message CancelOperationRequest { string name = 1; }';

/** `expectedId` is the file's stem: `checks.openapi.json` must describe the service `checks`. */
export function profileFromDocument(
  document: unknown,
  file: string,
  expectedId?: string,
): SeedServiceProfile {
  const read = readProfile(document, file, expectedId, 'seed');
  const { seed, page } = read.provenance;
  const get = read.get;
  // readProfile checks both in seed mode; these guards only tell the compiler.
  if (seed === undefined || page === undefined || get === undefined) {
    throw new Error(`${file}: a seed document lost its seed or get`);
  }
  return { ...read, get, provenance: { ...read.provenance, seed, page } };
}

/**
 * A user's document in the project's OpenAPI form: `x-google-service` without `provenance`,
 * operations without quotes are fine; everything a run uses is checked as for a seed document.
 */
export function profileFromOpenApiDocument(document: unknown, file: string): ServiceProfile {
  return readProfile(document, file, undefined, 'user');
}

function readProfile(
  document: unknown,
  file: string,
  expectedId: string | undefined,
  mode: 'seed' | 'user',
): ServiceProfile {
  const reader: DocumentReader = new DocumentReader(file);
  const root = reader.object(document, '', 'an OpenAPI 3.1 service document');
  const service = reader.object(
    root['x-google-service'],
    'x-google-service',
    '{id, title, host, version, nameTemplate, provenance}',
  );
  const field = (key: string, example: string) =>
    reader.string(service, key, `x-google-service.${key}`, example);
  const id = field('id', 'the file name without .openapi.json, e.g. "checks"');
  if (!/^[a-z][a-z0-9-]*$/.test(id) || RESERVED_IDS.includes(id)) {
    reader.fail(
      'x-google-service.id',
      `"${id}" must be lower-case letters, digits and dashes, and not ${RESERVED_IDS.join(' or ')} (specs/generated/ uses those names)`,
    );
  }
  if (expectedId !== undefined && id !== expectedId) {
    reader.fail('x-google-service.id', `is "${id}" but the file is named for "${expectedId}"`);
  }
  const nameTemplate = field(
    'nameTemplate',
    'the segments cancel binds to {name}, e.g. "operations/**"',
  );
  const methods = readOperationsMethods(root, reader, id);
  const cancel = primary(methods, 'cancel', nameTemplate, reader);
  const get = primary(methods, 'get', nameTemplate, reader);
  const requestBody =
    mode === 'user' && cancel.operation['x-google-request-body'] === undefined
      ? { quote: PROTO_REQUEST_QUOTE }
      : reader.object(
          cancel.operation['x-google-request-body'],
          `${cancel.where}.x-google-request-body`,
          '{quote}',
        );
  return {
    id,
    title: field('title', 'the API title, e.g. "Checks API"'),
    host: field('host', 'the API host, e.g. "checks.googleapis.com"'),
    version: field('version', 'the path version, e.g. "v1alpha"'),
    nameTemplate,
    cancel: cancel.method,
    get: get.method,
    methods: methods.map((read) => read.method),
    successBody:
      mode === 'user' && cancel.operation['x-google-success-body'] === undefined
        ? { wording: 'empty', quote: PROTO_SUCCESS_QUOTE }
        : readSuccessBody(cancel, reader),
    cancelBodyQuote: reader.string(
      requestBody,
      'quote',
      `${cancel.where}.x-google-request-body.quote`,
      'the seed words on the request body',
    ),
    provenance:
      mode === 'user'
        ? userProvenance(service, reader, file, cancel.operation)
        : readProvenance(service, reader),
  };
}

/** The cancel (or get) whose HTTP rule binds `{name=<nameTemplate>}`: the one the seed documents. */
function primary(
  methods: readonly ReadMethod[],
  verb: 'cancel' | 'get',
  nameTemplate: string,
  reader: DocumentReader,
): ReadMethod {
  const found = methods.filter(
    ({ method }) =>
      method.verb === verb && nameVariableOf(method.httpRule)?.binding === nameTemplate,
  );
  const [only] = found;
  if (only === undefined || found.length > 1) {
    reader.fail(
      'paths',
      `needs exactly one ${verb} operation whose x-google-http-rule binds {name=${nameTemplate}} (x-google-service.nameTemplate); found ${found.length}`,
    );
  }
  return only;
}

function readSuccessBody(
  cancel: ReadMethod,
  reader: DocumentReader,
): ServiceProfile['successBody'] {
  const where = `${cancel.where}.x-google-success-body`;
  const body = reader.object(cancel.operation['x-google-success-body'], where, '{wording, quote}');
  const wording = WORDINGS.find((candidate) => candidate === body.wording);
  if (wording === undefined) {
    reader.fail(
      `${where}.wording`,
      `found ${JSON.stringify(body.wording)}; expected "${WORDINGS.join('" or "')}"`,
    );
  }
  return {
    wording,
    quote: reader.string(body, 'quote', `${where}.quote`, 'the seed words on the response body'),
  };
}

/** A user's document: its own cancel description is its words, else the standard text. */
function userProvenance(
  service: JsonObject,
  reader: DocumentReader,
  file: string,
  cancel: JsonObject,
): Provenance {
  const description = typeof cancel.description === 'string' ? cancel.description : '';
  const given =
    service.provenance === undefined ? undefined : readProvenance(service, reader, false);
  return {
    ...given,
    proto: given?.proto ?? OPERATIONS_PROTO_URL,
    document: { kind: 'openapi', file },
    cancelText: cancelTextOf(description),
  };
}

function readProvenance(
  service: JsonObject,
  reader: DocumentReader,
  seedRequired = true,
): Provenance {
  const where = 'x-google-service.provenance';
  const provenance = reader.object(service.provenance, where, '{seed, page, proto, discovery?}');
  if (!seedRequired && provenance.seed === undefined) {
    return {
      proto: reader.string(
        provenance,
        'proto',
        `${where}.proto`,
        'the public URL of google/longrunning/operations.proto',
      ),
    };
  }
  const seed = reader.string(provenance, 'seed', `${where}.seed`, 'a file name under specs/seeds/');
  const pageObject = reader.object(provenance.page, `${where}.page`, '{url, title}');
  const page = {
    url: reader.string(pageObject, 'url', `${where}.page.url`, 'the public URL of the seed page'),
    title: reader.string(
      pageObject,
      'title',
      `${where}.page.title`,
      'e.g. "Method: operations.cancel"',
    ),
  };
  const proto = reader.string(
    provenance,
    'proto',
    `${where}.proto`,
    'the public URL of google/longrunning/operations.proto',
  );
  if (provenance.discovery === undefined) return { seed, page, proto };
  const discovery = reader.object(provenance.discovery, `${where}.discovery`, '{file, revision}');
  return {
    seed,
    page,
    proto,
    discovery: {
      file: reader.string(
        discovery,
        'file',
        `${where}.discovery.file`,
        'a file name under specs/discovery/',
      ),
      revision: reader.string(
        discovery,
        'revision',
        `${where}.discovery.revision`,
        'the Discovery revision, e.g. "20230807"',
      ),
    },
  };
}
