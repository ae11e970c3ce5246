/**
 * One table of wire-level scenarios that every adapter of the reference (the MSW handlers at a
 * base URL or at the real origins, and the node:http server) must answer identically, for every
 * service. Steps name operations by alias; paths come from each service's HTTP rules. The delay is
 * 0 here: timing is the model's concern and is tested there with a fake clock.
 */
import type { CancelMode, Scenario } from './model/scenario.ts';

export interface Expectation {
  readonly status: number;
  /** Matched with `toMatchObject`. */
  readonly body?: unknown;
  /** Top-level keys the body must not have. */
  readonly absent?: readonly string[];
}

export type Step =
  /** `POST {control}/operations`, expecting 201; remembers the name under `as`. */
  | { readonly create: Scenario; readonly as: string }
  /** A method call on an operation; `missing` swaps the last segment for one never minted. */
  | {
      readonly call: 'cancel' | 'get';
      readonly op: string;
      readonly missing?: boolean;
      /** Raw request body; omitted = no body. */
      readonly body?: string;
      readonly expect: Expectation;
    }
  /** A raw request relative to the base (or to the control URL when `control` is set). */
  | {
      readonly raw: {
        readonly method: string;
        readonly path: string;
        readonly body?: string;
        readonly control?: boolean;
      };
      readonly expect: Expectation;
    };

export interface AdapterScenario {
  readonly title: string;
  readonly cancelMode?: CancelMode;
  readonly steps: readonly Step[];
}

const CANCELLED = {
  status: 200,
  body: { done: true, error: { code: 1 } },
  absent: ['response'],
} as const;
const RUNNING = { status: 200, body: { done: false }, absent: ['error', 'response'] } as const;
const COMPLETED = { status: 200, body: { done: true, response: {} }, absent: ['error'] } as const;
const EMPTY = { status: 200, body: {} } as const;

export const ADAPTER_SCENARIOS: readonly AdapterScenario[] = [
  {
    title: 'cancel with no body, then get shows CANCELLED',
    steps: [
      { create: 'running', as: 'a' },
      { call: 'cancel', op: 'a', expect: EMPTY },
      { call: 'get', op: 'a', expect: CANCELLED },
    ],
  },
  {
    title: 'cancel with {} and with the two-byte "" body',
    steps: [
      { create: 'running', as: 'a' },
      { create: 'running', as: 'b' },
      { call: 'cancel', op: 'a', body: '{}', expect: EMPTY },
      { call: 'cancel', op: 'b', body: '""', expect: EMPTY },
      { call: 'get', op: 'a', expect: CANCELLED },
      { call: 'get', op: 'b', expect: CANCELLED },
    ],
  },
  {
    title: 'cancel with an unknown field is 400 and changes nothing',
    steps: [
      { create: 'running', as: 'a' },
      {
        call: 'cancel',
        op: 'a',
        body: '{"force":true}',
        expect: {
          status: 400,
          body: {
            error: {
              status: 'INVALID_ARGUMENT',
              message: 'Invalid JSON payload received. Unknown name "force": Cannot find field.',
            },
          },
        },
      },
      { call: 'get', op: 'a', expect: RUNNING },
    ],
  },
  {
    title: 'a completed operation is unchanged by cancel',
    steps: [
      { create: 'done', as: 'a' },
      { call: 'cancel', op: 'a', expect: EMPTY },
      { call: 'cancel', op: 'a', body: '{}', expect: EMPTY },
      { call: 'get', op: 'a', expect: COMPLETED },
    ],
  },
  {
    title: 'a failed operation keeps its own error',
    steps: [
      { create: 'failed', as: 'a' },
      { call: 'cancel', op: 'a', expect: EMPTY },
      {
        call: 'get',
        op: 'a',
        expect: { status: 200, body: { done: true, error: { code: 13 } }, absent: ['response'] },
      },
    ],
  },
  {
    title: 'an operation completes despite cancel',
    steps: [
      { create: 'completes-despite-cancel', as: 'a' },
      { call: 'get', op: 'a', expect: RUNNING },
      { call: 'cancel', op: 'a', expect: EMPTY },
      { call: 'get', op: 'a', expect: COMPLETED },
    ],
  },
  {
    title: 'an unknown name is 404 NOT_FOUND',
    steps: [
      { create: 'running', as: 'a' },
      {
        call: 'cancel',
        op: 'a',
        missing: true,
        expect: { status: 404, body: { error: { status: 'NOT_FOUND' } } },
      },
      {
        call: 'get',
        op: 'a',
        missing: true,
        expect: { status: 404, body: { error: { status: 'NOT_FOUND' } } },
      },
    ],
  },
  {
    title: 'unimplemented cancel is 501 and get still works',
    cancelMode: 'unimplemented',
    steps: [
      { create: 'running', as: 'a' },
      {
        call: 'cancel',
        op: 'a',
        expect: { status: 501, body: { error: { code: 501, status: 'UNIMPLEMENTED' } } },
      },
      { call: 'get', op: 'a', expect: RUNNING },
    ],
  },
  {
    title: 'complete-despite mode completes a cancelled operation',
    cancelMode: 'complete-despite',
    steps: [
      { create: 'running', as: 'a' },
      { call: 'cancel', op: 'a', expect: EMPTY },
      { call: 'get', op: 'a', expect: COMPLETED },
    ],
  },
  {
    title: 'the control endpoint describes the target and rejects a bad scenario',
    steps: [
      {
        raw: { method: 'GET', path: '', control: true },
        expect: {
          status: 200,
          body: { scenarios: ['running', 'completes-despite-cancel', 'done', 'failed'] },
        },
      },
      {
        raw: {
          method: 'POST',
          path: '/operations',
          control: true,
          body: '{"service":"checks","scenario":"paused"}',
        },
        expect: { status: 400, body: { error: { status: 'INVALID_ARGUMENT' } } },
      },
    ],
  },
  {
    title: 'an unrouted path is 404 NOT_FOUND',
    steps: [
      {
        raw: { method: 'GET', path: '/nothing/here' },
        expect: { status: 404, body: { error: { code: 404, status: 'NOT_FOUND' } } },
      },
    ],
  },
];
