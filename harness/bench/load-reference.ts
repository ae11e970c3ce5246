/**
 * Measures how many requests per second the reference HTTP server answers on loopback: C
 * concurrent clients loop create (control protocol) -> cancel -> get for D seconds over a mix of
 * services and scenarios. Clients and server share this process, so the figure is a floor for the
 * server alone. Run: `npx node harness/bench/load-reference.ts [--clients 200] [--seconds 5]`.
 */
import { parseArgs } from 'node:util';
import { loadServiceProfiles } from '#specs';
import { expandPath } from '../path-template/expand-path.ts';
import { parsePathTemplate } from '../path-template/parse-path-template.ts';
import { SCENARIOS } from '../reference/model/scenario.ts';
import { startReferenceServer } from '../reference/server/reference-server.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
  },
  strict: true,
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);

const profiles = loadServiceProfiles().map((profile) => ({
  id: profile.id,
  cancel: parsePathTemplate(profile.cancel.httpRule),
  get: parsePathTemplate(profile.get.httpRule),
}));
const server = await startReferenceServer();
const latencies: number[] = [];
let failures = 0;

async function timed(url: string, init: RequestInit, expected: number): Promise<Response> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer().catch(() => undefined);
  latencies.push(performance.now() - started);
  if (response.status !== expected) failures += 1;
  return response;
}

async function client(id: number, until: number): Promise<number> {
  let created = 0;
  for (let i = 0; performance.now() < until; i += 1) {
    const profile = profiles[(id + i) % profiles.length];
    if (profile === undefined) break;
    const scenario = SCENARIOS[(id + i) % SCENARIOS.length];
    const made = await fetch(`${server.controlUrl}/operations`, {
      method: 'POST',
      body: JSON.stringify({ service: profile.id, scenario }),
    });
    const { name } = (await made.json()) as { name: string };
    created += 1;
    await timed(
      `${server.baseUrl}${expandPath(profile.cancel, { name })}`,
      { method: 'POST', body: '{}' },
      200,
    );
    await timed(`${server.baseUrl}${expandPath(profile.get, { name })}`, {}, 200);
  }
  return created;
}

const started = performance.now();
const until = started + seconds * 1000;
const created = (
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id, until)))
).reduce((sum, count) => sum + count, 0);
const elapsed = (performance.now() - started) / 1000;
await server.close();

const requests = latencies.length + created;
const sorted = latencies.toSorted((a, b) => a - b);
const percentile = (p: number) =>
  (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1);
process.stdout.write(
  [
    `reference server load: ${clients} concurrent clients for ${elapsed.toFixed(1)} s (Node ${process.version})`,
    `requests:        ${requests} (${created} creates, ${latencies.length} cancels + gets)`,
    `requests/second: ${Math.round(requests / elapsed)}`,
    `cancel/get latency ms: p50 ${percentile(50)}, p95 ${percentile(95)}, p99 ${percentile(99)}`,
    `operations kept: ${server.model.operationCount} of ${created}; unexpected statuses: ${failures}`,
    '',
  ].join('\n'),
);
