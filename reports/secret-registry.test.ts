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
