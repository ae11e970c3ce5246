/**
 * What results.json records about the embedded reference of a run (`target.reference`). Apart
 * from mock-target.ts so that the CLI's thread can describe the target without loading the
 * reference and MSW, which only the suites' worker needs (issue 12).
 */
import type { TargetInfo } from '#reports';
import { referenceFault } from '../reference/faults/catalogue.ts';
import { referenceVariant } from '../reference/faults/variants.ts';
import type { TargetConfig } from './target.ts';

/** How the embedded reference is set up for a run: a fault may force its cancel mode. */
export function mockTargetInfo(config: Extract<TargetConfig, { kind: 'mock' }>): TargetInfo {
  const fault = config.fault === undefined ? undefined : referenceFault(config.fault);
  const variant = config.variant === undefined ? undefined : referenceVariant(config.variant);
  return {
    kind: 'mock',
    reference: {
      cancelMode: fault?.cancelMode ?? variant?.cancelMode ?? config.cancelMode,
      cancelDelayMs: config.cancelDelayMs,
      ...(fault ? { fault: fault.id } : {}),
      ...(variant ? { variant: variant.id } : {}),
    },
  };
}
