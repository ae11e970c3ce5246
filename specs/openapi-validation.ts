/**
 * Validates a document as OpenAPI 3.1 with Redocly (`@redocly/openapi-core` `lint`): the `spec`
 * ruleset (the `struct` schema check, `no-unresolved-refs`, unique operationIds, declared path
 * parameters, no identical paths) plus a few rules that keep the service documents honest.
 * Returns one line per problem; an empty list means valid.
 */
import { fileURLToPath } from 'node:url';
import {
  type Config,
  createConfig,
  lint,
  lintFromString,
  type NormalizedProblem,
} from '@redocly/openapi-core';

const RULES = {
  'no-unresolved-refs': 'error',
  'operation-operationId': 'error',
  'operation-2xx-response': 'error',
  'no-ambiguous-paths': 'error',
  'no-path-trailing-slash': 'error',
  'no-server-trailing-slash': 'error',
  'security-scopes-defined': 'error',
} as const;

let config: Promise<Config> | undefined;

function validationConfig(): Promise<Config> {
  config ??= createConfig({ extends: ['spec'], rules: RULES });
  return config;
}

export async function openApiProblems(url: URL): Promise<string[]> {
  return describe(await lint({ ref: fileURLToPath(url), config: await validationConfig() }));
}

/** Validates text as if it were the file at `url` (relative `$ref`s resolve from there). */
export async function openApiProblemsFromString(source: string, url: URL): Promise<string[]> {
  const problems = await lintFromString({
    source,
    absoluteRef: fileURLToPath(url),
    config: await validationConfig(),
  });
  return describe(problems);
}

function describe(problems: readonly NormalizedProblem[]): string[] {
  return problems.map((problem) => {
    const pointer = problem.location[0]?.pointer ?? '#/';
    return `${problem.severity} ${problem.ruleId} at ${pointer}: ${problem.message}`;
  });
}
