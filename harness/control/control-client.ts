/**
 * Client side of the test-control protocol (docs/CONTROL-PROTOCOL.md): asks the target to
 * create an operation in a given scenario. Any failure here is the target's plumbing, not a
 * conformance verdict, so it is a HarnessError (ERROR).
 */
import { HarnessError } from '#base';
import type { FetchLike } from '../http/index.ts';
import type { Scenario } from './vocabulary.ts';

export async function createControlledOperation(
  fetch: FetchLike,
  controlUrl: string,
  service: string,
  scenario: Scenario,
): Promise<string> {
  const url = `${controlUrl}/operations`;
  const response = await fetch(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service, scenario }),
    }),
  );
  const text = await response.text();
  if (response.status !== 201) {
    throw new HarnessError(
      `control endpoint ${url} answered ${response.status} to {service: "${service}", scenario: "${scenario}"}: ${text.slice(0, 300)}`,
    );
  }
  const name = parseName(text);
  if (!name) {
    throw new HarnessError(
      `control endpoint ${url} answered 201 without a "name": ${text.slice(0, 300)}`,
    );
  }
  return name;
}

function parseName(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const name = (body as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.length > 0 ? name : undefined;
  } catch {
    return undefined;
  }
}
