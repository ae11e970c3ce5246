/**
 * A keep-alive HTTP load client for the server benchmark: C connections (node:http Agent with
 * keepAlive, one request in flight per connection) loop create → cancel → get for a fixed time
 * over a mix of services, recording every request's latency. node:http is enough for a client
 * that only has to keep a pool of sockets busy, so no load-testing dependency is added.
 */
import { Agent, request } from 'node:http';
import { expandPath, loadServiceProfiles, parsePathTemplate } from '#specs';
import { CONTROL_PATH } from '../../harness/control/vocabulary.ts';
import { percentile } from './stats.ts';

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly unexpected: number;
}

export interface LoadOptions {
  readonly baseUrl: string;
  readonly connections: number;
  readonly seconds: number;
  /**
   * The operation name to use per service, when the server's create answer carries no usable
   * name (the minimal server); by default the name the create returned.
   */
  readonly fixedNames?: Readonly<Record<string, string>>;
}

const ROUTES = loadServiceProfiles().map((profile) => ({
  id: profile.id,
  cancel: parsePathTemplate(profile.cancel.httpRule),
  get: parsePathTemplate(profile.get.httpRule),
}));

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let unexpected = 0;
  const send = async (method: string, path: string, body?: string) => {
    const started = performance.now();
    const answer = await exchange(agent, base, method, path, body);
    latencies.push(performance.now() - started);
    if (answer.status !== 200 && answer.status !== 201) unexpected += 1;
    return answer.body;
  };
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const loop = async (id: number) => {
    for (let i = id; performance.now() < until; i += 1) {
      const route = ROUTES[i % ROUTES.length];
      if (route === undefined) return;
      const made = await send(
        'POST',
        `${CONTROL_PATH}/operations`,
        JSON.stringify({ service: route.id, scenario: 'running' }),
      );
      const name = options.fixedNames?.[route.id] ?? (JSON.parse(made) as { name: string }).name;
      await send('POST', expandPath(route.cancel, { name }), '{}');
      await send('GET', expandPath(route.get, { name }));
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, id) => loop(id)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    unexpected,
  };
}

/** One operation per service on the reference, whose names the minimal server's run reuses. */
export async function sampleOperationNames(baseUrl: string): Promise<Record<string, string>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const names: Record<string, string> = {};
  for (const route of ROUTES) {
    const made = await exchange(
      agent,
      new URL(baseUrl),
      'POST',
      `${CONTROL_PATH}/operations`,
      JSON.stringify({ service: route.id, scenario: 'running' }),
    );
    names[route.id] = (JSON.parse(made.body) as { name: string }).name;
  }
  agent.destroy();
  return names;
}

function exchange(
  agent: Agent,
  base: URL,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => {
          text += chunk;
        });
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
