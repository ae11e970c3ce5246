/**
 * The `url` target: any implementation reachable over HTTP, driven through its control
 * endpoint when it has one, with the credentials the run names (`--header`, `--auth adc`). A
 * connection failure or a timeout is a HarnessError (ERROR), never a FAIL.
 */
import { systemClock } from '#base';
import { authKind, createHttpFetch } from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { httpControl } from './http-control.ts';
import { createRunMemo } from './run-memo.ts';
import type { Target } from './target.ts';

export function createUrlTarget(config: Extract<TargetConfig, { kind: 'url' }>): Target {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const controlUrl = config.controlUrl?.replace(/\/+$/, '');
  const auth = authKind(config.auth);
  return {
    fetch: createHttpFetch({ timeoutMs: config.requestTimeoutMs }),
    baseUrl,
    control: controlUrl === undefined ? undefined : httpControl(controlUrl),
    clock: systemClock,
    info: {
      kind: 'url',
      baseUrl,
      ...(controlUrl === undefined ? {} : { controlUrl }),
      ...(auth === 'none' ? {} : { auth }),
    },
    // One target serves every test of the run: what they share lives as long as it.
    memo: createRunMemo(),
    // Every request may take its whole timeout; a little slack for the harness itself.
    timeBudgetMs: (requests, waitsMs) =>
      waitsMs + (requests + 2) * config.requestTimeoutMs + 10_000,
  };
}
