/**
 * The per-service options (`--parent`, `--operation`, `--allow-cancel`, `--endpoint`, `--scope`,
 * and drift's `--discovery`): each entry's service checked against the known services and the
 * selection, each mistake one line naming the option.
 */
import { usageError } from '#base';
import { serviceIds } from '#specs';
import type { ServiceValue } from './args.ts';
import type { OptionTerms } from './option-terms.ts';
import type { RunOptionValues } from './run-option-table.ts';

export interface ServiceChoice {
  readonly known: readonly string[];
  /** The services selected; undefined when the selection is left to the target. */
  readonly selected: readonly string[] | undefined;
  /** The option that selects services, as messages name it (`--service`). */
  readonly selection: string;
}

/** Entries whose service is known and selected. */
export function checkServiceValues(
  option: string,
  entries: readonly ServiceValue[],
  choice: ServiceChoice,
): readonly ServiceValue[] {
  for (const { service } of entries) {
    if (!choice.known.includes(service)) {
      throw usageError(
        `${option}: unknown service "${service}" (known: ${choice.known.join(', ')})`,
      );
    }
    if (choice.selected !== undefined && !choice.selected.includes(service)) {
      throw usageError(`${option} names ${service}, which ${choice.selection} leaves out`);
    }
  }
  return entries;
}

/** One value per service; a service named twice is a usage error. */
export function oneEach(option: string, entries: readonly ServiceValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { service, value } of entries) {
    if (out[service] !== undefined) throw usageError(`${option} names ${service} twice`);
    out[service] = value;
  }
  return out;
}

type PerServiceOption = 'parents' | 'operations' | 'allowCancel' | 'endpoints' | 'scopes';

/** A run's per-service option, checked against every known service and `services`. */
export function serviceEntries(
  values: Pick<RunOptionValues, PerServiceOption>,
  option: PerServiceOption,
  selected: readonly string[] | undefined,
  terms: OptionTerms,
): readonly ServiceValue[] {
  return checkServiceValues(terms.name(option), values[option] ?? [], {
    known: serviceIds(),
    selected,
    selection: terms.name('services'),
  });
}
