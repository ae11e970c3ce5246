/**
 * Reads the CancelOperation and GetOperation HTTP rules of a service configuration
 * (googleapis `google/api/service.proto`, `http.rules`, with the selectors
 * `google.longrunning.Operations.CancelOperation` / `GetOperation`) into what it publishes about
 * operations (published-service.ts). A configuration carries no descriptions and no scopes: the
 * profile quotes the standard text of operations.proto and documents no scope.
 */
import { DocumentReader } from '../json-access.ts';
import type { OperationsMethod } from '../service-profile.ts';
import { cancelTextOf } from './cancel-text.ts';
import { shapeFamilyOf } from './name-shapes.ts';
import { bindingOfRule } from './profile-of-published.ts';
import type { PublishedCancel, PublishedService } from './published-service.ts';

/** One rule pair as specs/catalogue/service-config-cancel-rules.json lists it. */
export interface ServiceConfigRule {
  /** `admanager.googleapis.com` */
  readonly service: string;
  readonly version: string;
  /** The configuration's path in googleapis/googleapis: `google/ads/admanager/v1/admanager_v1.yaml`. */
  readonly config: string;
  readonly cancel: {
    readonly httpMethod: string;
    readonly path: string;
    readonly body: string | null;
  };
  readonly get: { readonly httpMethod: string; readonly path: string };
  readonly nameShape: string;
}

const GOOGLEAPIS = 'https://github.com/googleapis/googleapis/blob/master/';

/** Reads and checks the rule list; a malformed entry fails naming its index and field. */
export function readServiceConfigRules(document: unknown, file: string): ServiceConfigRule[] {
  const reader: DocumentReader = new DocumentReader(file);
  if (!Array.isArray(document)) reader.fail('', 'expected an array of rule pairs');
  return document.map((entry, index): ServiceConfigRule => {
    const where = `[${index}]`;
    const rule = reader.object(entry, where, '{service, version, config, cancel, get, nameShape}');
    const text = (key: string) => reader.string(rule, key, `${where}.${key}`, 'a string');
    const cancel = reader.object(rule.cancel, `${where}.cancel`, '{httpMethod, path, body}');
    const get = reader.object(rule.get, `${where}.get`, '{httpMethod, path}');
    const body = cancel.body;
    if (body !== null && body !== '*') {
      reader.fail(`${where}.cancel.body`, `found ${JSON.stringify(body)}; expected "*" or null`);
    }
    return {
      service: text('service'),
      version: text('version'),
      config: text('config'),
      cancel: {
        httpMethod: reader.string(cancel, 'httpMethod', `${where}.cancel.httpMethod`, '"POST"'),
        path: reader.string(cancel, 'path', `${where}.cancel.path`, '"/v1/{name=…}:cancel"'),
        body,
      },
      get: {
        httpMethod: reader.string(get, 'httpMethod', `${where}.get.httpMethod`, '"GET"'),
        path: reader.string(get, 'path', `${where}.get.path`, '"/v1/{name=…}"'),
      },
      nameShape: text('nameShape'),
    };
  });
}

/** `v1` > `v1beta` > `v1alpha1`; a higher major version first. */
function versionRank(version: string): [number, number, number] {
  const match = /^v(\d+)(?:p\d+)?(alpha|beta)?(\d*)$/.exec(version);
  if (match === null) return [0, 0, 0];
  const stability = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  return [Number(match[1]), stability, Number(match[3] || 0)];
}

/** The newest version a service's rules bind, GA before beta before alpha. */
export function newestVersion(versions: readonly string[]): string | undefined {
  return versions.toSorted((a, b) => {
    const [x, y] = [versionRank(a), versionRank(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2] || a.localeCompare(b);
  })[0];
}

const HTTP_METHODS = ['GET', 'POST', 'DELETE'] as const;

function httpMethodOf(given: string): OperationsMethod['httpMethod'] {
  return HTTP_METHODS.find((method) => method === given.toUpperCase()) ?? 'POST';
}

/**
 * What one service's configuration publishes at its newest version. `id` is the service name's
 * first label (`admanager` of `admanager.googleapis.com`), as Discovery names its APIs.
 */
export function publishedByServiceConfig(
  rules: readonly ServiceConfigRule[],
  file: string,
): PublishedService {
  const first = rules[0];
  if (first === undefined) throw new Error('publishedByServiceConfig needs at least one rule');
  const version = newestVersion(rules.map((rule) => rule.version)) ?? first.version;
  const chosen = rules.filter((rule) => rule.version === version);
  const id = first.service.split('.')[0] ?? first.service;
  const cancels = chosen.map((rule, index): PublishedCancel => {
    const binding = bindingOfRule(rule.cancel.path);
    const suffix = chosen.length === 1 ? '' : `${index + 1}`;
    const method = (
      verb: 'cancel' | 'get',
      httpMethod: string,
      path: string,
      body: string | null,
    ): OperationsMethod => ({
      id: `${id}.operations${suffix}.${verb}`,
      verb,
      httpMethod: httpMethodOf(httpMethod),
      httpRule: path,
      body: body === '*' ? '*' : 'none',
      scopes: [],
    });
    return {
      id: `${id}.operations${suffix}.cancel`,
      path: rule.cancel.path,
      httpMethod: httpMethodOf(rule.cancel.httpMethod),
      body: rule.cancel.body === '*' ? '*' : 'none',
      family: shapeFamilyOf(binding, rule.cancel.path),
      ...(binding === undefined
        ? { unbound: `its rule "${rule.cancel.path}" binds no name` }
        : {
            binding,
            method: method('cancel', rule.cancel.httpMethod, rule.cancel.path, rule.cancel.body),
          }),
      get: method('get', rule.get.httpMethod, rule.get.path, null),
      siblings: [],
      bodyQuote: `${rule.cancel.httpMethod.toLowerCase()}: "${rule.cancel.path}"${rule.cancel.body === '*' ? ', body: "*"' : ' (no body)'}`,
      text: cancelTextOf(undefined),
    };
  });
  return {
    id,
    title: first.service,
    host: first.service,
    version,
    document: {
      kind: 'service-config',
      file,
      source: `${GOOGLEAPIS}${chosen[0]?.config ?? first.config}`,
    },
    cancels,
    successBody: {
      wording: 'empty',
      quote: 'rpc CancelOperation(CancelOperationRequest) returns (google.protobuf.Empty)',
    },
  };
}

/** The rules grouped by service, in first-seen order. */
export function rulesByService(
  rules: readonly ServiceConfigRule[],
): Map<string, ServiceConfigRule[]> {
  const grouped = new Map<string, ServiceConfigRule[]>();
  for (const rule of rules) {
    const list = grouped.get(rule.service) ?? [];
    list.push(rule);
    grouped.set(rule.service, list);
  }
  return grouped;
}
