/**
 * docs/CONTROL-PROTOCOL.md: a created name MUST fit the service's operation name template, and
 * control faults are ERROR, never FAIL. A control endpoint that answers 201 with a name outside
 * the template used to turn every clause that reads it into a MUST FAIL (82 cells, exit 1); it is
 * the set-up's fault: ERROR cells naming the control endpoint, exit 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ControlMisbehaviour,
  type MisbehavingControl,
  startMisbehavingControl,
} from '../../tools/testing/misbehaving-control.ts';
import { type CliRun, inBatches, runCli } from '../../tools/testing/run-cli.ts';
import { startReferenceServer } from '../reference/reference-server.ts';

const MISBEHAVIOURS: readonly ControlMisbehaviour[] = [
  'off-template-name',
  'unrelated-name',
  'name-not-a-string',
];

describe('lro-conformance run against a control endpoint that breaks the control protocol', () => {
  let reference: Awaited<ReturnType<typeof startReferenceServer>>;
  const proxies: MisbehavingControl[] = [];
  const runs = new Map<ControlMisbehaviour, CliRun>();

  beforeAll(async () => {
    reference = await startReferenceServer({ port: 0 });
    for (const misbehaviour of MISBEHAVIOURS) {
      proxies.push(await startMisbehavingControl(reference.baseUrl, misbehaviour));
    }
    const done = await inBatches(
      proxies.map(
        (proxy) => () =>
          runCli([
            ...['run', '--target', proxy.baseUrl, '--control', proxy.controlUrl],
            ...['--service', 'checks,datafusion', '--settle', '0'],
          ]),
      ),
      2,
    );
    MISBEHAVIOURS.forEach((misbehaviour, index) => {
      const run = done[index];
      if (run) runs.set(misbehaviour, run);
    });
  }, 240_000);
  afterAll(async () => {
    await Promise.all([...proxies.map((proxy) => proxy.close()), reference.close()]);
  });

  it.for(MISBEHAVIOURS)(
    'reports %s as ERROR cells, never FAIL: harness-error, exit 3',
    (misbehaviour) => {
      const run = runs.get(misbehaviour);
      expect(run?.complaints).toEqual([]);
      expect(run?.exitCode).toBe(3);
      expect(run?.results?.summary.verdict).toBe('harness-error');
      const cells = run?.results?.results ?? [];
      expect(cells.filter((cell) => cell.outcome === 'FAIL')).toEqual([]);
      expect(cells.filter((cell) => cell.outcome === 'ERROR').length).toBeGreaterThan(10);
    },
  );

  it('names the control endpoint and the template a created name does not fit', () => {
    const errors = (runs.get('off-template-name')?.results?.results ?? []).filter(
      (cell) => cell.outcome === 'ERROR',
    );
    expect(errors[0]?.message).toMatch(
      /^the control endpoint made "elsewhere\/.*" for (checks|datafusion) \(\w[\w-]*\), which does not fit its operation name template /,
    );
  });
});
