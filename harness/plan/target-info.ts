/**
 * How results.json describes a run's target (`target`): where requests went and how they were
 * authenticated (never the credential itself), and for the embedded reference how it was set up
 * (`target.reference`). Part of the plan, so that the CLI's thread describes the target without
 * loading the targets, the reference's adapters and MSW, which only the suites' worker needs.
 */
import type { TargetInfo } from '#reports';
import { authKind } from '../http/index.ts';
import { referenceFault, referenceVariant } from '../reference/index.ts';
import type { TargetConfig } from './target-config.ts';

/** How the embedded reference is set up for a run: a fault may force its cancel mode. */
export function embeddedTargetInfo(
  config: Extract<TargetConfig, { kind: 'embedded' }>,
): TargetInfo {
  const fault = config.fault === undefined ? undefined : referenceFault(config.fault);
  const variant = config.variant === undefined ? undefined : referenceVariant(config.variant);
  return {
    kind: 'embedded',
    reference: {
      cancelMode: fault?.cancelMode ?? variant?.cancelMode ?? config.cancelMode,
      cancelDelayMs: config.cancelDelayMs,
      ...(fault ? { fault: fault.id } : {}),
      ...(variant ? { variant: variant.id } : {}),
    },
  };
}

/** results.json's `target` for any target. */
export function targetInfo(target: TargetConfig): TargetInfo {
  if (target.kind === 'embedded') return embeddedTargetInfo(target);
  if (target.kind === 'msw') return { kind: 'msw', source: target.source };
  return httpTargetInfo(target);
}

function httpTargetInfo(target: Exclude<TargetConfig, { kind: 'embedded' | 'msw' }>): TargetInfo {
  switch (target.kind) {
    case 'url': {
      const auth = authKind(target.auth);
      return {
        kind: 'url',
        baseUrl: target.baseUrl,
        ...(target.controlUrl === undefined ? {} : { controlUrl: target.controlUrl }),
        ...(auth === 'none' ? {} : { auth }),
      };
    }
    case 'live':
      return { kind: 'live', endpoints: target.endpoints, auth: authKind(target.auth) };
    case 'replay':
      return { kind: 'replay', source: target.file, endpoints: target.endpoints };
  }
}
