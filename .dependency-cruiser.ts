/**
 * The rooms of the project and the directions imports may point between them, written once.
 * dependency-cruiser reads this file (`npm run deps`, and tools/architecture/dependency-rules
 * .test.ts through its API); tools/generate/architecture-doc.ts draws docs/ARCHITECTURE.md from
 * it. A room is one part of the product: a top-level folder, or one folder under harness/ with
 * everything beneath it (harness/http/auth belongs to harness/http).
 *
 * Every import must match an arrow below (dependency-cruiser's `allowed` rules): a room's own
 * files, `base`, the rooms its arrows name, packages and Node's modules. What matches none is a
 * `not-in-allowed` violation. The second check, that folders form no cycles, runs over the code
 * without its tests: tools/architecture/folder-cycles.dependency-cruiser.ts.
 */
import type {
  IAllowedRuleType,
  IConfiguration,
  IRegularForbiddenRuleType,
} from 'dependency-cruiser';

export interface Room {
  /** The room's folder (or, for the `#harness` entry, its one file). */
  readonly id: RoomId;
  /** What the part is, in the words of its modules' doc comments. */
  readonly part: string;
}

export type RoomId = (typeof ROOM_IDS)[number];

/** Every room, bottom up. */
export const ROOM_IDS = [
  'base',
  'specs',
  'reports',
  'harness/validators',
  'harness/http',
  'harness/control',
  'harness/reference',
  'harness/plan',
  'harness/targets',
  'harness/clause',
  'harness/drift',
  'harness/options',
  'harness/run',
  'harness/api',
  'harness/cli',
  'harness/action',
  'harness',
  'suites',
  'tools',
] as const;

export const ROOMS: readonly Room[] = [
  {
    id: 'base',
    part: '`#base`: the pieces every room uses: the clock, the Node and package versions, exit codes and the errors the CLI reports, atomic file writes, the JSON-object guard, `plural()`. A leaf: it imports nothing of the project.',
  },
  {
    id: 'specs',
    part: '`#specs`: service profiles read from the OpenAPI documents in specs/services/ or generated from published documents (the catalogue in specs/catalogue/, a team’s own Discovery or OpenAPI document), the parsed documents, the generated types, the google.rpc.Code table, path templates and the seed pages the clauses quote.',
  },
  {
    id: 'reports',
    part: '`#reports`: the results model, the vitest reporter that fills it, its schema and the renderers (text, Markdown, JUnit, HTML). It reads results and specs only and makes no network calls.',
  },
  {
    id: 'harness/validators',
    part: 'Validators for the google.longrunning and google.rpc JSON bodies the operations surface returns; each returns the violations it finds.',
  },
  {
    id: 'harness/http',
    part: 'The HTTP stack every target over HTTP shares: a fetch-shaped function with a timeout and a bound on requests in flight, credentials (auth/), retries, rate limits, and the HAR recordings a run writes and a replay reads (recording/).',
  },
  {
    id: 'harness/control',
    part: 'The test-control protocol: its words, defined once, and the client that asks a target for an operation in a given scenario.',
  },
  {
    id: 'harness/reference',
    part: 'The embedded reference implementation: the behaviour model (model/), the faults the self-test injects (faults/), its MSW handlers and HTTP server (the `./msw` and `./server` package entries).',
  },
  {
    id: 'harness/plan',
    part: 'What a run is to do, as plain data: the configuration the front doors hand the worker that runs the suites (RunConfig, TargetConfig, their defaults), the clauses a run can select, whether a clause can run on a service (what `run` judges and `list` prints), the names its probes use, and how results.json describes the target.',
  },
  {
    id: 'harness/targets',
    part: 'One file per target kind (embedded reference, URL, live, MSW module, replay): what the suites talk to for one service, a fetch-shaped function with its base URL, control hook and clock. It lives in the worker that runs the suites, and in the worker thread in which the CLI checks a handlers module.',
  },
  {
    id: 'harness/clause',
    part: 'The clause runtime, in the worker that runs the suites: clause metadata (`defineClause`), `conformanceTest`, the clause context a suite gets for one service, the recording LRO client and polling.',
  },
  {
    id: 'harness/drift',
    part: 'Drift: a service’s live Discovery document against its spec documents and against the sentences its clauses quote.',
  },
  {
    id: 'harness/options',
    part: 'Run options: one table of every `run` option, from which the CLI’s flags, the API’s option types and the Action’s inputs come; both front doors’ values checked by one function into a RunConfig.',
  },
  {
    id: 'harness/run',
    part: 'One conformance run from options to a results document: preflight of the target, the vitest run of the suites, the run-wide rules, the report.',
  },
  {
    id: 'harness/api',
    part: '`lro-conformance`, the package’s main entry: the programmatic API (`runConformance`) and the types an MSW handlers module can check itself against.',
  },
  {
    id: 'harness/cli',
    part: '`lro-conformance <command>`: the Node version check, help, and each command (`run`, `list`, `serve`, `drift`, `diff`, `merge`).',
  },
  {
    id: 'harness/action',
    part: 'The GitHub Action’s step: runs `lro-conformance run` with the inputs as flags, then writes the step summary, annotations and outputs.',
  },
  {
    id: 'harness',
    part: '`#harness`: what a suite file sees of the harness: `defineClause`, `conformanceTest` and the shared rules for reading answers, explicit re-exports only.',
  },
  {
    id: 'suites',
    part: 'One documented clause per file, the path its stable id; a suite imports `#harness` only.',
  },
  {
    id: 'tools',
    part: 'Development only, never shipped: the build, doc generators, benchmarks, interop matrices, packaging checks, test stand-ins (tools/testing) and the independent Python implementation.',
  },
];

/** An arrow to a room, or to its types only (`import type`). */
export type Arrow = RoomId | { readonly types: RoomId };

/**
 * Which rooms each room may import, besides its own files and `base` (which every room may
 * import and which imports nothing). Nothing else is allowed. `suites` reach the harness through
 * `#harness` only; `tools` may import anything and nothing shipped imports `tools` or `suites`.
 */
export const ARROWS: Readonly<Record<RoomId, readonly Arrow[]>> = {
  base: [],
  specs: [],
  reports: ['specs'],
  'harness/validators': ['specs', 'reports'],
  'harness/http': ['specs', 'reports'],
  'harness/control': ['harness/http'],
  'harness/reference': ['harness/control', 'specs'],
  'harness/plan': ['harness/reference', 'harness/http', 'reports', 'specs'],
  'harness/targets': [
    'harness/plan',
    'harness/reference',
    'harness/http',
    'harness/control',
    'reports',
    'specs',
  ],
  'harness/clause': [
    'harness/plan',
    'harness/targets',
    'harness/http',
    'harness/control',
    'harness/validators',
    'reports',
    'specs',
  ],
  'harness/drift': ['harness/http', 'reports', 'specs'],
  'harness/options': [
    'harness/plan',
    'harness/targets',
    'harness/reference',
    'harness/control',
    'harness/http',
    'reports',
    'specs',
  ],
  'harness/run': [
    'harness/options',
    'harness/plan',
    'harness/http',
    'harness/control',
    'reports',
    'specs',
  ],
  'harness/api': [
    'harness/run',
    'harness/options',
    'reports',
    { types: 'harness/control' },
    { types: 'harness/targets' },
  ],
  'harness/cli': [
    'harness/run',
    'harness/options',
    'harness/plan',
    'harness/drift',
    'harness/reference',
    'harness/http',
    'harness/control',
    'reports',
    'specs',
  ],
  'harness/action': ['harness/options', 'reports'],
  harness: ['harness/clause'],
  suites: ['harness'],
  tools: ROOM_IDS.filter((room) => room !== 'tools' && room !== 'suites'),
};

/**
 * Tests and their fixtures may also import tools/testing (the stand-ins) and, where listed
 * here, a room their own room may not: each for the reason given. Tests are leaves (nothing
 * imports them), so these arrows add no cycle to the product.
 */
export const TEST_ARROWS: Readonly<
  Partial<Record<RoomId, { readonly rooms: readonly RoomId[]; readonly why: string }>>
> = {
  'harness/reference': {
    rooms: ['harness/validators', 'harness/plan'],
    why: 'every answer of the reference is held to the validators the suites use, so the reference cannot pass a rule it breaks; the self-test runs a fault at the default settle time over HTTP (the plan’s), to show that default catches it',
  },
  'harness/plan': {
    rooms: ['harness/clause'],
    why: 'the defaults of a run are checked where the suites read them, through vitest’s inject',
  },
  'harness/targets': {
    rooms: ['harness/clause'],
    why: 'a recorded session is replayed through the clause runtime’s exchange recorder, end to end',
  },
  'harness/api': {
    rooms: ['harness/reference', 'harness/http', 'specs'],
    why: 'the API’s live tests run it against the embedded reference server requiring a token, minted for every documented scope',
  },
  'harness/drift': {
    rooms: ['harness/plan', 'harness/run'],
    why: 'drift’s tables are checked against the real clause catalogue, which the CLI hands to drift in shipped code',
  },
  'harness/http': {
    rooms: ['harness/clause', 'harness/reference'],
    why: 'credentials are tested end to end: the clause runtime’s exchange recorder against the embedded reference',
  },
};

/** Test files and test fixtures (including fixture suites). */
export const TEST_CODE = '(\\.test\\.ts$|/fixtures/)';
/** Fixture suites: suites in miniature that tests run, held to the suites' rule. */
export const FIXTURE_SUITES = '/fixtures/suites/';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files of a room, as a dependency-cruiser path pattern. */
export function roomPattern(room: RoomId): string {
  return room === 'harness' ? '^harness/index\\.ts$' : `^${escapeRegExp(room)}/`;
}

/** The room a repository path belongs to, if any. */
export function roomOf(path: string): RoomId | undefined {
  return ROOM_IDS.find((room) => new RegExp(roomPattern(room)).test(path));
}

const anyOf = (rooms: readonly RoomId[]) => rooms.map(roomPattern);

function arrowRules(room: RoomId): IAllowedRuleType[] {
  const arrows = ARROWS[room];
  const rooms = arrows.filter((arrow): arrow is RoomId => typeof arrow === 'string');
  const typeRooms = arrows.flatMap((arrow) => (typeof arrow === 'string' ? [] : [arrow.types]));
  const from = { path: roomPattern(room) };
  const rules: IAllowedRuleType[] = [];
  if (rooms.length > 0) rules.push({ comment: `${room} →`, from, to: { path: anyOf(rooms) } });
  if (typeRooms.length > 0)
    rules.push({
      comment: `${room} → (types)`,
      from,
      to: { path: anyOf(typeRooms), dependencyTypes: ['type-only'] },
    });
  return rules;
}

const SUITE_RULE =
  'A suite states one clause through #harness only: targets, clients and validators live there, so every suite judges every target the same way.';

const allowed: IAllowedRuleType[] = [
  {
    comment: 'A room imports its own files.',
    from: { path: '^(base|specs|reports|tools|harness/[^/]+)/' },
    to: { path: '^$1/' },
  },
  {
    comment: 'Every room but the suites may import base, packages and Node’s modules.',
    from: { pathNot: ['^suites/', FIXTURE_SUITES] },
    to: { path: ['^base/', '^node_modules/'] },
  },
  {
    comment: 'Node’s own modules.',
    from: { pathNot: ['^suites/', FIXTURE_SUITES] },
    to: { dependencyTypes: ['core'] },
  },
  ...ROOM_IDS.filter((room) => room !== 'suites').flatMap(arrowRules),
  {
    comment: `suites → harness, through #harness. ${SUITE_RULE}`,
    from: { path: ['^suites/', FIXTURE_SUITES] },
    to: { path: roomPattern('harness'), dependencyTypes: ['aliased-subpath-import'] },
  },
  {
    comment: 'tools may also read the configuration at the root of the repository (this file).',
    from: { path: roomPattern('tools') },
    to: { path: '^[^/]+$' },
  },
  {
    comment: 'Tests and fixtures may use the stand-ins of tools/testing.',
    from: { path: TEST_CODE },
    to: { path: '^tools/testing/' },
  },
  ...Object.entries(TEST_ARROWS).map(
    ([room, arrow]): IAllowedRuleType => ({
      comment: `${room} tests → ${arrow.rooms.join(', ')}: ${arrow.why}`,
      from: { path: `${roomPattern(room as RoomId)}.*${TEST_CODE}` },
      to: { path: anyOf(arrow.rooms) },
    }),
  ),
];

/**
 * No folder depends on itself through others, counting type-only imports too: dependency-cruiser
 * lifts every import to the folders of its two ends, each folder also standing for the folders
 * beneath it. Run over the code without its tests (folder-cycles.dependency-cruiser.ts): a test
 * that uses a stand-in of tools/testing, which itself drives the harness, would close a loop
 * through its own folder that no shipped import makes.
 */
export const NO_FOLDER_CYCLE: IRegularForbiddenRuleType = {
  name: 'no-folder-cycle',
  comment: 'Folders form no cycles, type-only imports included.',
  severity: 'error',
  scope: 'folder',
  from: {},
  to: { circular: true },
};

/**
 * Where code enters a room from outside it: the room's one entry, `index.ts` (`#base`,
 * `#specs`, `#reports` for the top-level rooms), and for the reference also its two package
 * entries, `msw.ts` and `server.ts`. The commands' executables are entered by path. Tests and
 * tools may reach inside: they test, build and measure the parts themselves.
 */
export const ENTRIES: readonly string[] = [
  '^(base|specs|reports)/index\\.ts$',
  '^harness/[^/]+/index\\.ts$',
  '^harness/reference/(msw|server)\\.ts$',
  '^harness/(cli|action)/bin\\.ts$',
];

/** Shipped code enters another room only through its entry. */
export const THROUGH_THE_ENTRY: IRegularForbiddenRuleType = {
  name: 'through-the-entry',
  comment:
    'Code enters another room only through its entry (index.ts, #base, #specs, #reports; the reference also through msw.ts and server.ts).',
  severity: 'error',
  from: {
    path: '^(base|specs|reports|harness/[^/]+)/',
    // The executables check the Node version before anything else loads: they import the two
    // modules that check needs, and nothing more, instead of the whole base.
    pathNot: [TEST_CODE, '^harness/(cli|action)/bin\\.ts$'],
  },
  to: { path: '^(base|specs|reports|harness/[^/]+)/', pathNot: ['^$1/', ...ENTRIES] },
};

/** What the folder-cycle check leaves out: tests and fixtures. */
export const LEFT_OUT_OF_CYCLE_CHECK: readonly string[] = [TEST_CODE];

const config: IConfiguration = {
  forbidden: [THROUGH_THE_ENTRY],
  allowed,
  allowedSeverity: 'error',
  options: {
    // Type-only imports are dependencies too: a cycle through types is still a cycle.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['lro-source', 'import', 'node', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};

export default config;
