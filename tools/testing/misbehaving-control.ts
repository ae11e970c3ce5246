/**
 * A control endpoint that misbehaves (docs/CONTROL-PROTOCOL.md): a proxy on 127.0.0.1 in front
 * of a working implementation that passes every request through, except that its answers to
 * `POST {control}/operations` break the protocol in a chosen way. The operations surface stays
 * conformant, so whatever the run reports comes from the control endpoint's fault, which the
 * protocol says is ERROR, never FAIL.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CONTROL_MISBEHAVIOURS = {
  /** 201 with a name outside the service's template: the real name under another prefix. */
  'off-template-name': (name: string) => ({
    status: 201,
    body: JSON.stringify({ name: `elsewhere/${name}` }),
  }),
  /** 201 with a name that is not a string. */
  'name-not-a-string': () => ({ status: 201, body: JSON.stringify({ name: 42 }) }),
  /** 201 with a name that has nothing to do with the service. */
  'unrelated-name': () => ({ status: 201, body: JSON.stringify({ name: 'operations' }) }),
} as const satisfies Record<string, (name: string) => { status: number; body: string }>;

export type ControlMisbehaviour = keyof typeof CONTROL_MISBEHAVIOURS;

export interface MisbehavingControl {
  /** The proxy's base URL: the target, with its control endpoint at `<baseUrl>/__control`. */
  readonly baseUrl: string;
  readonly controlUrl: string;
  close(): Promise<void>;
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startMisbehavingControl(
  upstream: string,
  misbehaviour: ControlMisbehaviour,
): Promise<MisbehavingControl> {
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readBody(incoming);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length') {
          headers[name] = value;
        }
      }
      const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
      const answer = await fetch(`${upstream}${incoming.url ?? '/'}`, {
        method: incoming.method ?? 'GET',
        headers,
        ...(hasBody ? { body } : {}),
      });
      const text = await answer.text();
      const control = incoming.method === 'POST' && incoming.url === '/__control/operations';
      const sent =
        control && answer.status === 201
          ? CONTROL_MISBEHAVIOURS[misbehaviour]((JSON.parse(text) as { name: string }).name)
          : { status: answer.status, body: text };
      outgoing.writeHead(sent.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        'content-length': Buffer.byteLength(sent.body),
      });
      outgoing.end(sent.body);
    })().catch((error: unknown) => {
      outgoing.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    controlUrl: `${baseUrl}/__control`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
