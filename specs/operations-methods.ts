/**
 * Reads each operation of a service document into an OperationsMethod (service-profile.ts):
 * the Discovery-style id, the verb, the HTTP rule from `x-google-http-rule` (google/api/http.proto
 * `HttpRule`: the path template and `body`) and the OAuth scopes from OpenAPI `security`.
 */

import type { JsonObject } from '#base';
import { nameVariableOf } from './http-rule.ts';
import type { DocumentReader } from './json-access.ts';
import { openApiOperations, securityScopes } from './openapi-operations.ts';
import type { CancelBodyRule, OperationsMethod } from './service-profile.ts';

const VERBS = ['cancel', 'get', 'delete', 'list', 'wait'] as const;
const HTTP_METHODS = ['GET', 'POST', 'DELETE'] as const;

export interface ReadMethod {
  readonly method: OperationsMethod;
  readonly operation: JsonObject;
  readonly where: string;
}

export function readOperationsMethods(
  root: JsonObject,
  reader: DocumentReader,
  serviceId: string,
): ReadMethod[] {
  const scopesUndocumented = root['x-google-scopes-undocumented'] !== undefined;
  if (scopesUndocumented) {
    const note = reader.object(
      root['x-google-scopes-undocumented'],
      'x-google-scopes-undocumented',
      '{note}',
    );
    reader.string(note, 'note', 'x-google-scopes-undocumented.note', 'why no scope is recorded');
  }
  const read = openApiOperations(root).map(({ httpMethod, operation, where }): ReadMethod => {
    const id = reader.string(
      operation,
      'operationId',
      `${where}.operationId`,
      `"${serviceId}.operations.get"`,
    );
    if (!id.startsWith(`${serviceId}.`)) {
      reader.fail(`${where}.operationId`, `"${id}" must start with the service id "${serviceId}."`);
    }
    const verb = VERBS.find((candidate) => id.endsWith(`.${candidate}`));
    if (verb === undefined)
      reader.fail(`${where}.operationId`, `"${id}" must end in .${VERBS.join(', .')}`);
    const method = HTTP_METHODS.find((candidate) => candidate === httpMethod);
    if (method === undefined)
      reader.fail(where, `${httpMethod} is not an operations method (GET, POST, DELETE)`);
    const ruleWhere = `${where}.x-google-http-rule`;
    const rule = reader.object(operation['x-google-http-rule'], ruleWhere, '{template, body?}');
    const httpRule = reader.string(
      rule,
      'template',
      `${ruleWhere}.template`,
      '"/v1/{name=operations/**}:cancel"',
    );
    if (nameVariableOf(httpRule) === undefined) {
      reader.fail(`${ruleWhere}.template`, `"${httpRule}" binds no {name=…} variable`);
    }
    const documented = reader.optionalString(
      operation,
      'x-google-documented-http-rule',
      `${where}.x-google-documented-http-rule`,
    );
    const scopes = readScopes(operation, reader, where, scopesUndocumented);
    return {
      method: {
        id,
        verb,
        httpMethod: method,
        httpRule,
        ...(documented === undefined ? {} : { documentedHttpRule: documented }),
        body: readBody(rule, reader, ruleWhere),
        scopes,
      },
      operation,
      where,
    };
  });
  if (read.length === 0) reader.fail('paths', 'declares no operation');
  return read;
}

function readBody(rule: JsonObject, reader: DocumentReader, where: string): CancelBodyRule {
  if (rule.body === undefined) return 'none';
  if (rule.body === '*') return '*';
  return reader.fail(
    `${where}.body`,
    `found ${JSON.stringify(rule.body)}; expected "*" or no body field (none)`,
  );
}

function readScopes(
  operation: JsonObject,
  reader: DocumentReader,
  where: string,
  undocumented: boolean,
): string[] {
  const scopes = securityScopes(operation);
  if (undocumented) {
    if (scopes !== undefined) {
      reader.fail(
        `${where}.security`,
        'is set although the document declares x-google-scopes-undocumented',
      );
    }
    return [];
  }
  if (scopes === undefined || scopes.length === 0) {
    reader.fail(
      `${where}.security`,
      'lists no OAuth scope; list the documented scopes, or declare x-google-scopes-undocumented at the root',
    );
  }
  return scopes;
}
