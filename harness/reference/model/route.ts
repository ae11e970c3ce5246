/**
 * Routes a request to an operations method of a served service by matching the raw URL path
 * against each method's HTTP rule (gRPC transcoding, googleapis `google/api/http.proto`). Every
 * difference between services comes from the profiles. When several rules match, the most specific
 * wins (`GET /v1/{name=operations}` lists before `GET /v1/{name=operations/**}` gets); when two
 * services bind the same rule (adsdatahub and dai), all of them stay candidates and the caller picks
 * by who minted the name.
 *
 * A path that has a method's prefix, verb and suffix, and whose would-be name starts with the name
 * template's first literal and contains its last one, but does not fit the template, is "malformed":
 * the caller answers 400 INVALID_ARGUMENT (AIP-122/AIP-193: a badly formed resource name is an
 * invalid argument). Any other unmatched path is unrouted (404 NOT_FOUND from the adapters).
 */

import { HarnessError } from '#base';
import type { OperationsMethod, PathTemplate, PlainSegment, ServiceProfile } from '#specs';
import { matchPath, parsePathTemplate } from '#specs';

export interface Route {
  readonly profile: ServiceProfile;
  readonly method: OperationsMethod;
  readonly template: PathTemplate;
  /** The segments the rule binds to `name`, e.g. `accounts/*\/apps/*\/operations/*`. */
  readonly nameBinding: string;
  /** Lower is more specific: `*` counts 1, `**` counts 2. */
  readonly specificity: number;
  readonly shape: Shape | undefined;
}

/** The fixed parts of a rule around its `{name=…}` variable. */
export interface Shape {
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly firstLiteral: string | undefined;
  readonly lastLiteral: string | undefined;
}

export interface RouteMatch {
  readonly route: Route;
  /** The `name` variable as matched (multi-segment: `%2F` kept as sent). */
  readonly name: string;
}

export type Routing =
  | { readonly kind: 'matched'; readonly matches: readonly [RouteMatch, ...RouteMatch[]] }
  | { readonly kind: 'malformed'; readonly route: Route; readonly name: string };

/** Routes are pure data of the profiles: built once per profile list, shared by every model. */
const routesOf = new WeakMap<readonly ServiceProfile[], readonly Route[]>();

export function buildRoutes(profiles: readonly ServiceProfile[]): readonly Route[] {
  let routes = routesOf.get(profiles);
  if (routes === undefined) {
    routes = parseRoutes(profiles);
    routesOf.set(profiles, routes);
  }
  return routes;
}

function parseRoutes(profiles: readonly ServiceProfile[]): readonly Route[] {
  const routes = profiles.flatMap((profile) =>
    profile.methods.map((method) => {
      const template = parsePathTemplate(method.httpRule);
      const variable = template.variables.find((candidate) => candidate.name === 'name');
      if (variable === undefined) {
        throw new HarnessError(
          `Method ${method.id} of service "${profile.id}" binds no {name} in its HTTP rule "${method.httpRule}"; the reference routes by operation name.`,
          { code: 'REFERENCE' },
        );
      }
      const specificity = variable.template.segments.reduce(
        (sum, segment) =>
          sum + (segment.kind === 'wildcard' ? 1 : segment.kind === 'multi-wildcard' ? 2 : 0),
        0,
      );
      return {
        profile,
        method,
        template,
        nameBinding: variable.template.source,
        specificity,
        shape: shapeOf(template),
      };
    }),
  );
  return routes.toSorted((a, b) => a.specificity - b.specificity);
}

/** Each route list's routes per host and HTTP method, so a request scans its service's only. */
const indexes = new WeakMap<readonly Route[], Map<string, readonly Route[]>>();

function eligibleRoutes(routes: readonly Route[], method: string, host?: string): readonly Route[] {
  let index = indexes.get(routes);
  if (index === undefined) {
    index = new Map();
    indexes.set(routes, index);
  }
  const key = `${method} ${host ?? ''}`;
  let eligible = index.get(key);
  if (eligible === undefined) {
    eligible = routes.filter(
      (route) =>
        route.method.httpMethod === method && (host === undefined || route.profile.host === host),
    );
    index.set(key, eligible);
  }
  return eligible;
}

export function routeRequest(
  routes: readonly Route[],
  method: string,
  path: string,
  host?: string,
): Routing | undefined {
  const eligible = eligibleRoutes(routes, method, host);
  const matches: RouteMatch[] = [];
  for (const route of eligible) {
    const name = matchPath(route.template, path)?.name;
    if (name !== undefined) matches.push({ route, name });
  }
  const [best] = matches;
  if (best !== undefined) {
    const same = matches.filter(
      (match) => match.route.method.verb === best.route.method.verb && match.name === best.name,
    );
    return { kind: 'matched', matches: [best, ...same.slice(1)] };
  }
  for (const route of eligible) {
    const name = malformedName(route, path);
    if (name !== undefined) return { kind: 'malformed', route, name };
  }
  return undefined;
}

function shapeOf(template: PathTemplate): Shape | undefined {
  const index = template.segments.findIndex((segment) => segment.kind === 'variable');
  const variable = template.segments[index];
  if (variable?.kind !== 'variable') return undefined;
  const literalsOf = (segments: readonly (typeof template.segments)[number][]) =>
    segments.every((segment) => segment.kind === 'literal')
      ? segments.map((segment) => (segment.kind === 'literal' ? segment.value : ''))
      : undefined;
  const before = literalsOf(template.segments.slice(0, index));
  const after = literalsOf(template.segments.slice(index + 1));
  if (before === undefined || after === undefined) return undefined;
  const literals = variable.template.segments.filter(isLiteral).map((segment) => segment.value);
  const first = variable.template.segments[0];
  return {
    before,
    after,
    firstLiteral: first !== undefined && isLiteral(first) ? first.value : undefined,
    lastLiteral: literals.at(-1),
  };
}

function isLiteral(segment: PlainSegment): segment is Extract<PlainSegment, { kind: 'literal' }> {
  return segment.kind === 'literal';
}

/** The would-be name of a path shaped like `route` but not fitting its template. */
function malformedName(route: Route, path: string): string | undefined {
  const shape = route.shape;
  if (shape === undefined || !path.startsWith('/')) return undefined;
  const parts = path.slice(1).split('/');
  const verb = route.template.verb;
  if (verb !== undefined) {
    const last = parts.at(-1) ?? '';
    if (!last.endsWith(`:${verb}`)) return undefined;
    parts[parts.length - 1] = last.slice(0, -verb.length - 1);
  }
  const { before, after } = shape;
  if (parts.length <= before.length + after.length) return undefined;
  if (before.some((literal, i) => parts[i] !== literal)) return undefined;
  if (after.some((literal, i) => parts[parts.length - after.length + i] !== literal))
    return undefined;
  const middle = parts.slice(before.length, parts.length - after.length);
  if (shape.firstLiteral !== undefined && middle[0] !== shape.firstLiteral) return undefined;
  if (shape.lastLiteral !== undefined && !middle.includes(shape.lastLiteral)) return undefined;
  return middle.join('/');
}
