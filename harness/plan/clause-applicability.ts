/**
 * Whether a clause can be checked on a service, before anything is sent: a clause for other
 * services only is NOT_APPLICABLE; a clause that makes a call the service's published surface
 * does not offer (a profile's limits: no get beside the cancel, a cancel bound to GET) cannot run
 * there and is SKIPPED with the reason. `run` judges cells by it (harness/clause) and `list`
 * prints it, so both say the same (docs/INTERPRETING.md).
 */
import type { ClauseInfo } from '#reports';
import type { ServiceProfile } from '#specs';

export type ClauseApplicability =
  | { readonly kind: 'runs' }
  | { readonly kind: 'not-applicable'; readonly reason: string }
  | {
      readonly kind: 'cannot-run';
      readonly reason: string;
      /** The profile's limit behind it, in the service's own terms. */
      readonly limit: string;
    };

export function clauseApplicability(
  info: ClauseInfo,
  profile: ServiceProfile,
): ClauseApplicability {
  if (info.services !== 'all' && !info.services.includes(profile.id)) {
    return {
      kind: 'not-applicable',
      reason: `the clause applies to ${info.services.join(', ')} only`,
    };
  }
  const limit = profile.limits?.find((candidate) => info.calls?.includes(candidate.call));
  if (limit !== undefined) {
    return {
      kind: 'cannot-run',
      reason: `cannot run on ${profile.id}: ${limit.reason}`,
      limit: limit.reason,
    };
  }
  return { kind: 'runs' };
}
