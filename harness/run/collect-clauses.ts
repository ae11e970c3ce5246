/**
 * The clause catalogue as vitest sees it: collects the suites (their files run, their tests do
 * not) and reads each test's clause from task meta. This is how docs/CONFORMANCE.md is
 * generated without anything importing a suite file.
 */

import { createVitest } from 'vitest/node';
import { type ClauseInfo, uniqueClauses } from '#reports';
import { PACKAGE_ROOT, SUITE_GLOB } from '../plan/index.ts';

export async function collectClauses(): Promise<ClauseInfo[]> {
  const vitest = await createVitest(
    {
      root: PACKAGE_ROOT,
      config: false,
      include: [SUITE_GLOB],
      watch: false,
      reporters: [],
      // As run-suites.ts: one worker, no re-isolation, Node's own loader. About ten times
      // faster than vitest's defaults here, which matters to `drift` and `npm run generate`.
      isolate: false,
      pool: 'threads',
      experimental: { viteModuleRunner: false },
    },
    { logLevel: 'silent' },
  );
  try {
    const { testModules } = await vitest.collect(undefined, { staticParse: false });
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
      }
    }
    return uniqueClauses(clauses);
  } finally {
    await vitest.close();
  }
}
