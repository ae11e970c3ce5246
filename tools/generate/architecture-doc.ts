/**
 * docs/ARCHITECTURE.md, drawn from the rule file .dependency-cruiser.ts: the rooms with what each
 * part is, a Mermaid diagram of the arrows dependency-cruiser enforces, the test arrows, and how
 * one `lro-conformance run --target URL` flows through the rooms (each step names modules that must exist in the room it names, or rendering fails).
 */
import { existsSync } from 'node:fs';
import {
  ARROWS,
  type Arrow,
  ROOMS,
  type RoomId,
  roomOf,
  TEST_ARROWS,
} from '../../.dependency-cruiser.ts';

const REPOSITORY = new URL('../../', import.meta.url);

/** One step of a run: the room it happens in, what happens, and the modules that do it. */
interface FlowStep {
  readonly room: RoomId;
  readonly modules: readonly string[];
  readonly does: string;
}

/** `lro-conformance run --target URL`, from the command line to the exit code. */
const RUN_FLOW: readonly FlowStep[] = [
  {
    room: 'harness/cli',
    modules: ['harness/cli/bin.ts', 'harness/cli/dispatch.ts', 'harness/cli/run-command.ts'],
    does: 'checks the Node version, loads the `run` command',
  },
  {
    room: 'harness/options',
    modules: ['harness/options/run-options.ts'],
    does: 'parses the flags against the known services (`specs`) and clauses into a RunConfig: a URL target, its control endpoint at `<target>/__control` unless `--control` says otherwise',
  },
  {
    room: 'harness/run',
    modules: ['harness/run/run-pipeline.ts', 'harness/run/preflight.ts'],
    does: 'checks the report directory, asks the control endpoint which services the target serves',
  },
  {
    room: 'harness/run',
    modules: ['harness/run/run-suites.ts', 'harness/run/run-entry.ts'],
    does: 'starts vitest with one module that loads every selected suite file, the reporters attached',
  },
  {
    room: 'suites',
    modules: ['suites/cancel/cancelled-operation-has-error-code-1.test.ts'],
    does: 'each suite file, this one for instance, declares its clause and its test through `#harness`',
  },
  {
    room: 'harness/clause',
    modules: ['harness/clause/conformance-test.ts', 'harness/clause/clause-context.ts'],
    does: 'registers the test for every selected service and hands the suite its context: the recording client, polling, the control protocol',
  },
  {
    room: 'harness/targets',
    modules: ['harness/targets/target-for.ts', 'harness/targets/url-target.ts'],
    does: 'makes the URL target, shared by every test of the run',
  },
  {
    room: 'harness/http',
    modules: ['harness/http/http-fetch.ts', 'harness/http/auth/target-auth.ts'],
    does: 'sends each request with a timeout and a bound on requests in flight, credentials added when asked for',
  },
  {
    room: 'harness/control',
    modules: ['harness/control/control-client.ts'],
    does: 'asks the target for an operation in the scenario the clause needs',
  },
  {
    room: 'harness/validators',
    modules: ['harness/validators/index.ts'],
    does: 'checks each answer body against the schemas of the spec documents',
  },
  {
    room: 'reports',
    modules: ['reports/conformance-reporter.ts', 'reports/verdict.ts', 'reports/write-report.ts'],
    does: 'collects each cell’s outcome, judges the run’s verdict, writes results.json, matrix.md, junit.xml and report.html',
  },
  {
    room: 'base',
    modules: ['base/errors.ts'],
    does: 'gives the verdict’s exit code, with which the CLI ends',
  },
];

/** A Mermaid node id: letters only. */
const nodeId = (room: RoomId) => room.replace(/[^a-z]/g, '_');

const arrowTarget = (arrow: Arrow) => (typeof arrow === 'string' ? arrow : arrow.types);

const code = (text: string) => `\`${text}\``;

function folderOf(room: RoomId): string {
  return room === 'harness' ? 'harness/index.ts' : `${room}/`;
}

function mayImport(room: RoomId): string {
  if (room === 'base') return 'nothing of the project';
  if (room === 'suites') return '`#harness` only';
  if (room === 'tools') return 'every room but `suites`';
  const arrows = ARROWS[room].map((arrow) =>
    typeof arrow === 'string' ? code(arrow) : `${code(arrow.types)} (types)`,
  );
  return ['`base`', ...arrows].join(', ');
}

function roomsTable(): string[] {
  return [
    '| room | what it is | may import |',
    '|---|---|---|',
    ...ROOMS.map(({ id, part }) => `| ${code(folderOf(id))} | ${part} | ${mayImport(id)} |`),
  ];
}

/** The arrows between rooms; `base`, which every room may import, and `tools` are left out. */
function diagram(): string[] {
  const drawn = ROOMS.filter(({ id }) => id !== 'base' && id !== 'tools');
  const nodes = drawn.map(({ id }) => `  ${nodeId(id)}["${folderOf(id)}"]`);
  const edges = drawn.flatMap(({ id }) =>
    ARROWS[id]
      .filter((arrow) => arrowTarget(arrow) !== 'base')
      .map((arrow) =>
        typeof arrow === 'string'
          ? `  ${nodeId(id)} --> ${nodeId(arrow)}`
          : `  ${nodeId(id)} -. types .-> ${nodeId(arrow.types)}`,
      ),
  );
  return ['```mermaid', 'flowchart TD', ...nodes, ...edges, '```'];
}

function checkedStep(step: FlowStep, index: number): string {
  for (const module of step.modules) {
    if (!existsSync(new URL(module, REPOSITORY)))
      throw new Error(`run flow step ${index + 1}: ${module} does not exist`);
    if (roomOf(module) !== step.room)
      throw new Error(`run flow step ${index + 1}: ${module} is not in ${step.room}`);
  }
  const modules = step.modules.map((module) => code(module.split('/').at(-1) ?? module));
  return `${index + 1}. **${step.room}** (${modules.join(', ')}): ${step.does}.`;
}

export function renderArchitectureDoc(): string {
  const testArrows = Object.entries(TEST_ARROWS).map(
    ([room, arrow]) => `| ${code(room)} | ${arrow.rooms.map(code).join(', ')} | ${arrow.why} |`,
  );
  return [
    '<!-- Generated by npm run generate from .dependency-cruiser.ts. Do not edit. -->',
    '',
    '# Architecture',
    '',
    'The parts of lro-conformance, the directions imports may point between them, and how one run flows through them. Everything on this page comes from `.dependency-cruiser.ts`, the rule file against which `npm run deps` (part of `npm run lint`) checks every import, type-only imports included, with [dependency-cruiser](https://github.com/sverweij/dependency-cruiser): the page and the check cannot disagree.',
    '',
    '## Rooms',
    '',
    'A room is one part of the product: a top-level folder, or one folder under `harness/` with everything beneath it (`harness/http/auth` belongs to `harness/http`). Each room may import its own files, `base`, and the rooms listed; nothing else. Bottom up:',
    '',
    ...roomsTable(),
    '',
    '## Arrows',
    '',
    'Who may import whom; every room may also import `base`, which is not drawn. A dashed arrow carries types only (`import type`). `tools` (not drawn either) may import every room but `suites`; nothing imports `suites` (the CLI hands them to vitest by path), and nothing shipped imports `tools`.',
    '',
    ...diagram(),
    '',
    'Folders form no cycles, type-only imports included (dependency-cruiser’s folder scope, over the code without its tests). The arrows point down the table above, so rooms cannot form one either.',
    '',
    '### Tests',
    '',
    'Test files (`*.test.ts`) and test fixtures may also import the stand-ins of `tools/testing`. Fixture suites (`fixtures/suites/`) are held to the suites’ rule. The tests of these rooms may also import:',
    '',
    '| tests of | may also import | because |',
    '|---|---|---|',
    ...testArrows,
    '',
    '## One run through the rooms',
    '',
    '`lro-conformance run --target URL`, from the command line to the exit code:',
    '',
    ...RUN_FLOW.map(checkedStep),
    '',
  ].join('\n');
}
