/**
 * Repeatable `SERVICE=VALUE` flags (`--parent`, `--operation`, `--allow-cancel`, `--endpoint`,
 * `--scope`): split at the first `=`, the service checked against the known and selected ones,
 * each mistake one line naming the flag.
 */
import { usageError } from '#base';
import { serviceIds } from '#specs';

export interface ServiceValue {
  readonly service: string;
  readonly value: string;
}

export function serviceValues(
  flag: string,
  items: readonly string[] | undefined,
  selected: readonly string[] | undefined,
): ServiceValue[] {
  return (items ?? []).map((item) => {
    const at = item.indexOf('=');
    const service = item.slice(0, Math.max(0, at)).trim();
    const value = item.slice(at + 1).trim();
    if (at <= 0 || value === '') {
      throw usageError(`--${flag} takes SERVICE=VALUE, e.g. --${flag} checks=...; got "${item}"`);
    }
    const known = serviceIds();
    if (!known.includes(service)) {
      throw usageError(`--${flag}: unknown service "${service}" (known: ${known.join(', ')})`);
    }
    if (selected !== undefined && !selected.includes(service)) {
      throw usageError(`--${flag} names ${service}, which --service leaves out`);
    }
    return { service, value };
  });
}

/** One value per service; a service named twice is a usage error. */
export function oneEach(flag: string, values: readonly ServiceValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { service, value } of values) {
    if (out[service] !== undefined) throw usageError(`--${flag} names ${service} twice`);
    out[service] = value;
  }
  return out;
}
