/**
 * How a message names a run option to whoever gave it: the command line's flag (`--deadline`,
 * `--parent checks=…`) or runConformance's option name (`deadlineMs`, `parents.checks=…`). The
 * checks take the terms instead of rewording finished messages, so a message names exactly the
 * option the user wrote, in the user's words.
 */
import { RUN_OPTIONS, type RunOptionName } from './run-option-table.ts';

export interface OptionTerms {
  /** `--deadline` or `deadlineMs`. */
  readonly name: (option: RunOptionName) => string;
  /** One service's entry of a per-service option: `--parent checks` or `parents.checks`. */
  readonly entry: (option: RunOptionName, service: string) => string;
}

export const FLAG_TERMS: OptionTerms = {
  name: (option) => `--${RUN_OPTIONS[option].flag}`,
  entry: (option, service) => `--${RUN_OPTIONS[option].flag} ${service}`,
};

export const OPTION_NAME_TERMS: OptionTerms = {
  name: (option) => option,
  entry: (option, service) => `${option}.${service}`,
};
