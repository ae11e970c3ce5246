/**
 * The clause catalogue as vitest sees it: collects the suites (their files run, their tests do
 * not) and reads each test's clause from task meta. This is how docs/CONFORMANCE.md is
 * generated without anything importing a suite file. Given the profiles a run adds (a user's
 * document, the catalogue), the suites load through the run's own entry (run-entry.ts) with
 * them, so that a clause that applies to some services only lists them as a run would.
 */
import { join } from 'node:path';
import { createVitest } from 'vitest/node';
import { type ClauseInfo, uniqueClauses } from '#reports';
import type { ServiceProfile } from '#specs';
import {
  defaultRunConfig,
  LOAD_FAILURE_TITLE,
  listClauseIds,
  PACKAGE_ROOT,
  SUITE_GLOB,
  suiteExtension,
  suiteFileOf,
} from '../plan/index.ts';

export async function collectClauses(
  profiles: readonly ServiceProfile[] = [],
): Promise<ClauseInfo[]> {
  const entry = join(PACKAGE_ROOT, relativeEntry());
  const withProfiles = profiles.length > 0;
  const vitest = await createVitest(
    {
      root: PACKAGE_ROOT,
      config: false,
      include: withProfiles ? [entry] : [SUITE_GLOB],
      watch: false,
      reporters: [],
      // As run-suites.ts: one worker, no re-isolation, Node's own loader. About ten times
      // faster than vitest's defaults here, which matters to `drift` and `npm run generate`.
      isolate: false,
      pool: 'threads',
      experimental: { viteModuleRunner: false },
      ...(withProfiles
        ? {
            provide: {
              lroRun: {
                ...defaultRunConfig(),
                profiles,
                suiteFiles: listClauseIds().map((id) => join(PACKAGE_ROOT, suiteFileOf(id))),
              },
            },
          }
        : {}),
    },
    { logLevel: 'silent' },
  );
  try {
    const { testModules } = await vitest.collect(withProfiles ? [entry] : undefined, {
      staticParse: false,
    });
    const clauses: ClauseInfo[] = [];
    for (const module of testModules) {
      const errors = module.errors();
      if (errors.length > 0) {
        throw new Error(
          `cannot collect ${module.moduleId}: ${errors.map((e) => e.message).join('; ')}`,
        );
      }
      for (const testCase of module.children.allTests()) {
        const clause = testCase.meta().lro?.clause;
        if (clause) clauses.push(clause);
        else if (testCase.name === LOAD_FAILURE_TITLE) {
          throw new Error(`cannot collect the clauses: ${testCase.fullName} failed`);
        }
      }
    }
    return uniqueClauses(clauses);
  } finally {
    await vitest.close();
  }
}

/** The run entry, relative to the package root, in the layout this code runs from. */
function relativeEntry(): string {
  const here = new URL(`./run-entry${suiteExtension()}`, import.meta.url).pathname;
  return here.slice(PACKAGE_ROOT.length);
}
