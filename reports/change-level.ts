/**
 * How much a change matters, for `drift` and `diff` alike (the levels of oasdiff's checks:
 * https://github.com/oasdiff/oasdiff/blob/main/docs/BREAKING-CHANGES.md), and which levels fail
 * a CI job under `--fail-on`.
 */

/** breaking: something the verdict or a clause rests on moved; changed: worth a look; info: news. */
export const CHANGE_LEVELS = ['breaking', 'changed', 'info'] as const;
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

/** `breaking`: only breaking changes fail; `any`: every change does. */
export const CHANGE_FAIL_ON = ['breaking', 'any'] as const;
export type ChangeFailOn = (typeof CHANGE_FAIL_ON)[number];

export function levelCounts(level: ChangeLevel, failOn: ChangeFailOn): boolean {
  return failOn === 'any' || level === 'breaking';
}

export function levelRank(level: ChangeLevel): number {
  return CHANGE_LEVELS.indexOf(level);
}

/** `{breaking, changed, info}` counts of a list of changes. */
export function levelTally(
  changes: readonly { readonly level: ChangeLevel }[],
): Record<ChangeLevel, number> {
  const tally = { breaking: 0, changed: 0, info: 0 };
  for (const change of changes) tally[change.level] += 1;
  return tally;
}
