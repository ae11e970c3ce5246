/**
 * runConformance's front door to a run (docs/API.md): an options object, each option
 * type-checked and read by its row's shape (value-shapes.ts) into the same values the command
 * line gives, which run-options.ts then checks once for both. A name that is not in the table,
 * or a value of the wrong type, is refused with one line naming the option (exit 2); no argv is
 * ever made from the options.
 */
import { usageError } from '#base';
import {
  RUN_API_OPTION_NAMES,
  RUN_OPTIONS,
  type RunApiOptionName,
  type RunConformanceOptions,
  type RunOptionValues,
} from './run-option-table.ts';
import type { AnyShape } from './value-shapes.ts';

function isApiOptionName(name: string): name is RunApiOptionName {
  return (RUN_API_OPTION_NAMES as readonly string[]).includes(name);
}

export function apiRunValues(options: RunConformanceOptions): RunOptionValues {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw usageError('runConformance takes an options object (see RunConformanceOptions)');
  }
  const read: Partial<Record<RunApiOptionName, unknown>> = {};
  for (const [name, value] of Object.entries(options)) {
    if (!isApiOptionName(name)) {
      throw usageError(`unknown option "${name}" (known: ${RUN_API_OPTION_NAMES.join(', ')})`);
    }
    if (value === undefined) continue;
    const shape: AnyShape = RUN_OPTIONS[name].shape;
    const given = shape.fromApi(value, name);
    // `live: false` and an empty record say what leaving the option out says, as on the command
    // line, where a flag is either there or not.
    if (given === false || (Array.isArray(given) && given.length === 0)) continue;
    read[name] = given;
  }
  // Each value was read by its row's own shape, which is what RunOptionValues says it holds.
  return read as RunOptionValues;
}
