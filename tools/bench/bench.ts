/**
 * `npm run bench`: the performance figures of issue 12, each printed with its floor, the ratio
 * and PASS/MISS per goal (docs/PERFORMANCE.md). Never an assertion: the machine is shared, so
 * every figure comes from interleaved paired runs and is reported as a median with its range.
 *
 *   node tools/bench/bench.ts [--quick] [--pairs N]
 *                             [--only embedded,http,scale,server,hostile,catalogue]
 *                             [--from dist|sources] [--compile-cache on|off]
 */
import { parseArgs } from 'node:util';
import { catalogueFigure } from './catalogue.ts';
import { embeddedMatrixFigure } from './embedded-matrix.ts';
import { type Figure, renderFigure } from './figure.ts';
import { hostileTargetFigure } from './hostile-target.ts';
import { httpMatrixFigure } from './http-matrix.ts';
import { type LayoutKind, prepareLayout } from './layout.ts';
import { scaleFigure } from './scale.ts';
import { serverThroughputFigure } from './server-throughput.ts';

const FIGURES = ['embedded', 'http', 'scale', 'server', 'hostile', 'catalogue'] as const;
type FigureId = (typeof FIGURES)[number];

function usage(problem: string): never {
  process.stderr.write(`bench: ${problem} (see the comment at the top of tools/bench/bench.ts)\n`);
  process.exit(2);
}

function options() {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    usage((error as Error).message);
  }
  const { values } = parsed;
  const quick = values.quick === true;
  const pairs = Number(values.pairs ?? (quick ? 1 : 7));
  if (!Number.isInteger(pairs) || pairs < 1)
    usage(`--pairs must be a positive integer, got ${values.pairs}`);
  const from = values.from ?? 'dist';
  if (from !== 'dist' && from !== 'sources') usage(`--from must be dist or sources, got ${from}`);
  const cache = values['compile-cache'] ?? 'on';
  if (cache !== 'on' && cache !== 'off') usage(`--compile-cache must be on or off, got ${cache}`);
  const only = (values.only?.split(',') ?? [...FIGURES]).map((id) => id.trim());
  for (const id of only) {
    if (!(FIGURES as readonly string[]).includes(id))
      usage(`unknown figure "${id}" (known: ${FIGURES.join(', ')})`);
  }
  return {
    quick,
    pairs,
    from: from as LayoutKind,
    compileCache: cache === 'on',
    only: only as FigureId[],
  };
}

function parse() {
  return parseArgs({
    options: {
      quick: { type: 'boolean' },
      pairs: { type: 'string' },
      only: { type: 'string' },
      from: { type: 'string' },
      'compile-cache': { type: 'string' },
    },
    strict: true,
  });
}

const settings = options();
const log = (line: string) => process.stdout.write(`${line}\n`);
const layout = prepareLayout(settings.from, log);
const { quick, pairs } = settings;
log(
  `lro-conformance bench${quick ? ' (quick: smoke run, figures not meaningful)' : ''}: Node ${process.version}, running ${layout.kind} from ${layout.root}`,
);
log('');

const MAKERS: Record<FigureId, () => Promise<Figure>> = {
  embedded: () => embeddedMatrixFigure({ layout, pairs, compileCache: settings.compileCache }),
  http: () =>
    httpMatrixFigure({
      layout,
      pairs: quick ? 1 : Math.max(3, Math.ceil(pairs / 2)),
      settlePairs: quick ? 1 : 2,
      cancelDelayMs: quick ? 200 : 700,
      latencyMs: quick ? 20 : 50,
    }),
  scale: () =>
    scaleFigure({ layout, serviceCounts: quick ? [5, 10] : [5, 25, 50, 100], runs: quick ? 1 : 3 }),
  catalogue: () =>
    catalogueFigure({
      layout,
      serviceCounts: quick ? [10, 20] : [16, 33, 66, 131],
      runs: quick ? 1 : 3,
    }),
  server: () =>
    serverThroughputFigure({
      layout,
      rounds: quick ? 1 : 5,
      seconds: quick ? 0.5 : 3,
      connections: 32,
    }),
  hostile: () => hostileTargetFigure({ layout, runs: quick ? 1 : 3 }),
};

const goals: string[] = [];
for (const id of settings.only) {
  const figure = await MAKERS[id]();
  log(renderFigure(figure));
  for (const goal of figure.goals)
    goals.push(`${goal.met ? 'PASS' : 'MISS'}  ${goal.goal}: ${goal.measured}`);
}
log('== goals');
for (const goal of goals) log(`  ${goal}`);
