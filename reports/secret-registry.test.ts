import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetSecrets,
  MIN_SECRET_LENGTH,
  registeredSecretCount,
  registerSecret,
  replaceSecrets,
} from './secret-registry.ts';

afterEach(() => {
  forgetSecrets();
});

describe('registerSecret', () => {
  it('refuses values too short to scrub without destroying evidence', () => {
    expect(registerSecret('x'.repeat(MIN_SECRET_LENGTH - 1))).toBe(false);
    expect(registerSecret('  ab  ')).toBe(false);
    expect(registeredSecretCount()).toBe(0);
    expect(replaceSecrets('true 1 ab', '#')).toBe('true 1 ab');
  });

  it('counts each value once and trims the whitespace around it', () => {
    expect(registerSecret(' s3cret-value ')).toBe(true);
    expect(registerSecret('s3cret-value')).toBe(true);
    expect(registeredSecretCount()).toBe(1);
    expect(replaceSecrets('a s3cret-value b', '#')).toBe('a # b');
  });

  it('replaces every occurrence', () => {
    registerSecret('tok-123');
    expect(replaceSecrets('tok-123/tok-123?tok-123', '#')).toBe('#/#?#');
  });
});

describe('replaceSecrets, on the encodings a target echoes a secret in', () => {
  const secret = 'ya29.a0AfH6SM/x+y=z~42';
  const cases = {
    plain: (value: string) => value,
    'percent-encoded': encodeURIComponent,
    'percent-encoded, lower-case hex': (value: string) =>
      encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (triplet) => triplet.toLowerCase()),
    'form-encoded': (value: string) => new URLSearchParams({ v: value }).toString().slice(2),
    'JSON-escaped': (value: string) => JSON.stringify(value).slice(1, -1),
    hex: (value: string) => Buffer.from(value).toString('hex'),
    'HEX (upper case)': (value: string) => Buffer.from(value).toString('hex').toUpperCase(),
    base64: (value: string) => Buffer.from(value).toString('base64'),
    base64url: (value: string) => Buffer.from(value).toString('base64url'),
    'base64 of "Bearer <secret>"': (value: string) =>
      Buffer.from(`Bearer ${value}`).toString('base64'),
    'base64 of "u:<secret>" (Basic)': (value: string) =>
      Buffer.from(`u:${value}`).toString('base64'),
    'base64url of "ab<secret>cd"': (value: string) =>
      Buffer.from(`ab${value}cd`).toString('base64url'),
  } as const;

  it.for(Object.entries(cases))('catches the secret %s', ([, encode]) => {
    registerSecret(secret);
    const echoed = `you sent <${encode(secret)}> to us`;
    const scrubbed = replaceSecrets(echoed, '#');
    expect(scrubbed).toMatch(/^you sent <.{0,12}#.{0,12}> to us$/);
    // Nothing left that decodes back to the secret, whole or most of it.
    for (const leftover of scrubbed.split('#')) {
      for (const decoded of [
        Buffer.from(leftover, 'base64').toString('latin1'),
        Buffer.from(leftover, 'hex').toString('latin1'),
      ]) {
        expect(decoded).not.toContain(secret.slice(2, -2));
      }
    }
  });

  it('leaves text that only looks like an encoding alone', () => {
    registerSecret(secret);
    const unrelated = `${Buffer.from('another value entirely').toString('base64')} cafe01`;
    expect(replaceSecrets(unrelated, '#')).toBe(unrelated);
  });
});
