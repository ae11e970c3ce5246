/**
 * Checks that the OpenAPI side of a service document agrees with its `x-google-http-rule`
 * templates (google/api/http.proto; the standard google.longrunning.Operations bindings of
 * operations.proto): path key, `name` pattern, multi-segment flag, HTTP method, verb suffix,
 * request and response types. Pure; returns one message per disagreement.
 */
import { isJsonObject, type JsonObject } from '#base';
import {
  isMultiSegment,
  namePatternForBinding,
  nameVariableOf,
  pathKeyForTemplate,
} from './http-rule.ts';
import {
  openApiOperations,
  parametersIn,
  requestTypeName,
  responseTypeName,
} from './openapi-operations.ts';

/** What google/longrunning/operations.proto binds for each method. */
const STANDARD = {
  cancel: {
    httpMethod: 'POST',
    suffix: ':cancel',
    request: 'CancelOperationRequest',
    response: 'Empty',
  },
  get: { httpMethod: 'GET', suffix: '', request: undefined, response: 'Operation' },
  delete: { httpMethod: 'DELETE', suffix: '', request: undefined, response: 'Empty' },
  list: {
    httpMethod: 'GET',
    suffix: '/operations',
    request: undefined,
    response: 'ListOperationsResponse',
  },
  wait: {
    httpMethod: 'POST',
    suffix: ':wait',
    request: 'WaitOperationRequest',
    response: 'Operation',
  },
} as const;

export function documentConsistencyProblems(document: unknown, file: string): string[] {
  const root = isJsonObject(document) ? document : {};
  const service = isJsonObject(root['x-google-service']) ? root['x-google-service'] : {};
  const problems: string[] = [];
  for (const { pathKey, httpMethod, operation, where } of openApiOperations(document)) {
    const say = (problem: string) => problems.push(`${file} ${where}: ${problem}`);
    const verb = String(operation.operationId).split('.').pop() ?? '';
    const standard = Object.hasOwn(STANDARD, verb)
      ? STANDARD[verb as keyof typeof STANDARD]
      : undefined;
    const rule = isJsonObject(operation['x-google-http-rule'])
      ? operation['x-google-http-rule']
      : {};
    const template = typeof rule.template === 'string' ? rule.template : '';
    const variable = template === '' ? undefined : nameVariableOf(template);
    if (standard === undefined || variable === undefined) {
      say(`needs an operationId ending in a verb and an x-google-http-rule.template with {name=…}`);
      continue;
    }
    if (!template.startsWith(`/${String(service.version)}/`))
      say(`template ${template} is not under /${String(service.version)}/`);
    if (httpMethod !== standard.httpMethod)
      say(`${verb} is ${standard.httpMethod}, not ${httpMethod}`);
    // A list route ends in the collection (`…/operations`, or dai's constant `{name=operations}`).
    const suffixOk =
      verb === 'list'
        ? `${variable.binding}${variable.after}`.endsWith(standard.suffix.slice(1))
        : variable.after === standard.suffix;
    if (!suffixOk)
      say(`template ${template} does not end the way ${verb} does ("${standard.suffix}")`);
    const wantRequest = rule.body === '*' ? standard.request : undefined;
    if (requestTypeName(operation) !== wantRequest) {
      say(
        `request body is ${requestTypeName(operation) ?? 'absent'}; body ${String(rule.body ?? 'none')} means ${wantRequest ?? 'absent'}`,
      );
    }
    if (responseTypeName(operation) !== standard.response)
      say(`200 response is not ${standard.response}`);
    if (!isJsonObject(operation.responses) || operation.responses.default === undefined)
      say('has no default (error) response');
    problems.push(
      ...pathProblems(pathKey, template, variable.binding, operation).map(
        (problem) => `${file} ${where}: ${problem}`,
      ),
    );
    const documented = operation['x-google-documented-http-rule'];
    if (typeof documented === 'string') {
      const printed = nameVariableOf(documented);
      if (printed?.before !== variable.before || printed.after !== variable.after) {
        say(`x-google-documented-http-rule ${documented} is not the same route as ${template}`);
      }
    }
  }
  return problems;
}

function pathProblems(
  pathKey: string,
  template: string,
  binding: string,
  operation: JsonObject,
): string[] {
  const named = pathKeyForTemplate(template, 'name');
  const flat = pathKeyForTemplate(template, 'flat');
  const pathParameters = parametersIn(operation, 'path');
  if (pathKey === named) {
    if (!binding.includes('*'))
      return pathParameters.size === 0 ? [] : ['a constant binding takes no path parameter'];
    const name = pathParameters.get('name');
    const schema = isJsonObject(name?.schema) ? name.schema : {};
    const problems: string[] = [];
    const pattern = namePatternForBinding(binding);
    if (name?.required !== true) problems.push('path parameter name is missing or not required');
    if (schema.pattern !== pattern)
      problems.push(
        `name pattern is ${String(schema.pattern)}, the binding ${binding} gives ${pattern}`,
      );
    if ((name?.['x-google-multi-segment'] === true) !== isMultiSegment(binding)) {
      problems.push(
        `x-google-multi-segment must be ${isMultiSegment(binding) ? 'true' : 'absent'} for ${binding}`,
      );
    }
    return problems;
  }
  if (pathKey === flat) {
    const wanted = [...pathKey.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
    return wanted
      .filter((parameter) => {
        const schema = pathParameters.get(parameter)?.schema;
        return !isJsonObject(schema) || schema.pattern !== '^[^/]+$';
      })
      .map((parameter) => `flat path parameter ${parameter} is missing or lacks pattern ^[^/]+$`);
  }
  return [
    `path key ${pathKey} is neither ${named} nor ${flat ?? 'a flat spelling'} of ${template}`,
  ];
}
