/**
 * The parent of the operations the reference implementation makes, per service: what a test of a
 * live run against the reference, or against the stand-in that answers for it, passes as
 * `--parent` so that its probes fall under names the reference owns.
 */
import { loadServiceProfiles } from '#specs';
import { parentOf } from '../../harness/plan/probe-names.ts';
import { mintOperationName } from '../../harness/reference/model/operation-name.ts';

export const REFERENCE_PARENTS: Readonly<Record<string, string>> = Object.fromEntries(
  loadServiceProfiles().map((profile) => {
    const name = mintOperationName(profile.nameTemplate, profile.id, 1);
    return [profile.id, parentOf(profile.nameTemplate, name) ?? ''];
  }),
);
