import { describe, expect, it } from 'vitest';
import type { OperationJson } from '#specs';
import { createCancelFollowThrough } from './cancel-follow-through.ts';
import { ConformanceFailure } from './outcome-signal.ts';

const NAME = 'operations/1';

function followThrough(end: OperationJson, unreadable?: string) {
  const polled: string[] = [];
  const warnings: string[] = [];
  const through = createCancelFollowThrough({
    seenDone: () => undefined,
    pollUntilDone: async (name) => {
      polled.push(name);
      return end;
    },
    unreadable,
    warn: (message) => warnings.push(message),
  });
  through.note(NAME, 'the cancel with no body');
  return { through, polled, warnings };
}

describe('createCancelFollowThrough', () => {
  it('polls an accepted cancel to its end: cancelled passes, another end fails', async () => {
    const cancelled = followThrough({ name: NAME, done: true, error: { code: 1, message: '' } });
    await cancelled.through.verify();
    expect(cancelled.polled).toEqual([NAME]);
    const failed = followThrough({ name: NAME, done: true, error: { code: 13, message: '' } });
    await expect(failed.through.verify()).rejects.toBeInstanceOf(ConformanceFailure);
  });

  it('reads nothing of a service that publishes no get, and says the effect went unverified', async () => {
    const { through, polled, warnings } = followThrough(
      { name: NAME, done: false },
      'texttospeech publishes no GetOperation beside its cancel',
    );
    await through.verify();
    expect(polled).toEqual([]);
    expect(warnings).toEqual([
      'after the cancel with no body was accepted, what became of operations/1 was not verified: texttospeech publishes no GetOperation beside its cancel',
    ]);
  });
});
