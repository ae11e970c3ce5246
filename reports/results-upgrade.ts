/**
 * Reads a results.json written by an earlier version of the schema as the current one, so that
 * `diff`, `merge` and `run --baseline` keep comparing runs across an upgrade. Version 2 differs
 * from version 3 only in two words (docs/GLOSSARY.md): the in-process target was `mock`, now
 * `embedded`; the cancel mode `complete-despite` is now `completes-despite-cancel`. Anything
 * else is returned as it came, for the schema to judge.
 */
import { isJsonObject } from '#base';
import { RESULTS_SCHEMA_VERSION } from './results-model.ts';

/** The oldest version this code reads. */
export const OLDEST_RESULTS_SCHEMA_VERSION = 2;

export function upgradeResults(value: unknown): unknown {
  if (!isJsonObject(value) || value.schemaVersion !== 2) return value;
  const target = isJsonObject(value.target) ? value.target : undefined;
  const reference = isJsonObject(target?.reference) ? target.reference : undefined;
  return {
    ...value,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    ...(target === undefined
      ? {}
      : {
          target: {
            ...target,
            ...(target.kind === 'mock' ? { kind: 'embedded' } : {}),
            ...(reference === undefined
              ? {}
              : {
                  reference: {
                    ...reference,
                    ...(reference.cancelMode === 'complete-despite'
                      ? { cancelMode: 'completes-despite-cancel' }
                      : {}),
                  },
                }),
          },
        }),
  };
}
