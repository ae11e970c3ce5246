/**
 * The rule file .dependency-cruiser.ts against the repository, through dependency-cruiser's API:
 * every import follows an arrow, folders form no cycles, the arrows themselves point one way, and
 * the rules bite on a small tree that breaks each of them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rules, { ARROWS, ROOM_IDS, ROOMS, roomOf } from '../../.dependency-cruiser.ts';
import { cruiseWith, describeViolation } from './cruise.ts';
import folderCycles from './folder-cycles.dependency-cruiser.ts';

const violationsOf = (result: ICruiseResult) => result.summary.violations.map(describeViolation);

describe('the repository', () => {
  let arrows: ICruiseResult;
  beforeAll(async () => {
    arrows = await cruiseWith(rules);
  }, 60_000);

  it('imports only along the arrows of .dependency-cruiser.ts', () => {
    expect(violationsOf(arrows)).toEqual([]);
    expect(arrows.summary.totalCruised).toBeGreaterThan(400);
  });

  it('has no folder cycles', async () => {
    expect(violationsOf(await cruiseWith(folderCycles))).toEqual([]);
  }, 60_000);

  it('has every file of its folders in a room (the root holds configuration only)', () => {
    const homeless = arrows.modules
      .filter((module) => !module.coreModule && !module.source.startsWith('node_modules/'))
      .filter((module) => module.source.includes('/'))
      .map((module) => module.source)
      .filter((source) => roomOf(source) === undefined);
    expect(homeless).toEqual([]);
  });
});

describe('the arrows', () => {
  it('describe each room once, in the order of ROOM_IDS', () => {
    expect(ROOMS.map((room) => room.id)).toEqual([...ROOM_IDS]);
  });

  it('point down only: each to a room listed before its own, so rooms form no cycle', () => {
    const upward = ROOM_IDS.flatMap((room) =>
      ARROWS[room]
        .map((arrow) => (typeof arrow === 'string' ? arrow : arrow.types))
        .filter((target) => ROOM_IDS.indexOf(target) >= ROOM_IDS.indexOf(room))
        .map((target) => `${room} → ${target}`),
    );
    expect(upward).toEqual([]);
  });
});

/** A tree that breaks each rule once, beside imports that are allowed. */
const TREE: Readonly<Record<string, string>> = {
  'package.json': JSON.stringify({
    type: 'module',
    imports: { '#base': './base/index.ts', '#harness': './harness/index.ts' },
  }),
  'base/clock.ts': 'export const now = () => 0;\n',
  'base/index.ts': "export { now } from './clock.ts';\n",
  'base/reads-specs.ts': "import { SPEC } from '../specs/spec.ts';\nexport const x = SPEC;\n",
  'specs/spec.ts': "import { now } from '#base';\nexport const SPEC = now();\n",
  'reports/reads-harness.ts':
    "import type { FetchLike } from '../harness/http/fetch-like.ts';\nexport type F = FetchLike;\n",
  'harness/http/fetch-like.ts':
    'export type FetchLike = (request: Request) => Promise<Response>;\n',
  'harness/http/uses-stand-in.ts':
    "import { standIn } from '../../tools/testing/stand-in.ts';\nexport const y = standIn;\n",
  'harness/http/uses-stand-in.test.ts':
    "import { standIn } from '../../tools/testing/stand-in.ts';\nexport const y = standIn;\n",
  'harness/targets/target.ts':
    "import { clause } from '../clause/clause.ts';\nexport type Target = { url: string };\nexport const target = () => clause;\n",
  'harness/clause/clause.ts':
    "import type { Target } from '../targets/target.ts';\nexport const clause = (t: Target) => t.url;\n",
  'harness/api/types.ts':
    "import type { Target } from '../targets/target.ts';\nexport type T = Target;\n",
  'harness/api/values.ts':
    "import { target } from '../targets/target.ts';\nexport const t = target;\n",
  'harness/index.ts': "export { clause } from './clause/clause.ts';\n",
  'harness/clause/index.ts': "export { clause } from './clause.ts';\n",
  'harness/clause/reads-inside.ts':
    "import { target } from '../targets/target.ts';\nexport const inside = target;\n",
  'suites/cancel/through-alias.test.ts': "import { clause } from '#harness';\nvoid clause;\n",
  'suites/cancel/relative.test.ts':
    "import { clause } from '../../harness/index.ts';\nvoid clause;\n",
  'tools/testing/stand-in.ts':
    "import { clause } from '../../harness/clause/clause.ts';\nexport const standIn = clause;\n",
};

describe('the rules, on a tree that breaks them', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lro-rooms-'));
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('report each import against the arrows, and none of the allowed ones', async () => {
    const found = violationsOf(await cruiseWith(rules, root)).filter((line) =>
      line.includes(': not-in-allowed,'),
    );
    expect(found.sort()).toEqual([
      'base/reads-specs.ts → specs/spec.ts: not-in-allowed, base may import base',
      'harness/api/values.ts → harness/targets/target.ts: not-in-allowed, harness/api may import base, harness/run, harness/options, reports, harness/control (types), harness/targets (types)',
      'harness/http/uses-stand-in.ts → tools/testing/stand-in.ts: not-in-allowed, harness/http may import base, specs, reports',
      'harness/targets/target.ts → harness/clause/clause.ts: not-in-allowed, harness/targets may import base, harness/plan, harness/reference, harness/http, harness/control, reports, specs',
      'reports/reads-harness.ts → harness/http/fetch-like.ts (types): not-in-allowed, reports may import base, specs',
      'suites/cancel/relative.test.ts → harness/index.ts: not-in-allowed, a suite imports #harness only',
    ]);
  }, 60_000);

  it('report an import that reaches inside another room, past its entry', async () => {
    const found = violationsOf(await cruiseWith(rules, root)).filter((line) =>
      line.includes(': through-the-entry,'),
    );
    expect(found).toContain(
      'harness/clause/reads-inside.ts → harness/targets/target.ts: through-the-entry, enter the room through its entry',
    );
    // The entry itself, an alias, and a room's own files are the ways in.
    expect(found.filter((line) => line.startsWith('harness/index.ts'))).toEqual([]);
    expect(found.filter((line) => line.startsWith('specs/spec.ts'))).toEqual([]);
  }, 60_000);

  it('report a folder cycle, type-only imports included', async () => {
    const found = violationsOf(await cruiseWith(folderCycles, root));
    expect(found).toContain('folder cycle: harness/clause → harness/targets → harness/clause');
  }, 60_000);
});
