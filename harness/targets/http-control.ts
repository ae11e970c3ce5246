/**
 * The control hook of a target that offers the test-control endpoint over HTTP
 * (docs/CONTROL-PROTOCOL.md): `POST {control}/operations`.
 */
import { createControlledOperation } from '../control/index.ts';
import type { ControlHook } from './target.ts';

export function httpControl(controlUrl: string): ControlHook {
  return {
    createOperation: (serviceId, scenario, fetch) =>
      createControlledOperation(fetch, controlUrl, serviceId, scenario),
  };
}
