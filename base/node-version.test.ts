import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, REQUIRED_NODE_VERSION, satisfiesNodeVersion } from './node-version.ts';

describe('satisfiesNodeVersion', () => {
  it.for([
    ['22.12.0', true],
    ['v22.12.0', true],
    ['22.12.1', true],
    ['22.23.3', true],
    ['23.0.0', true],
    ['24.1.0', true],
    ['100.0.0', true],
    ['22.11.9', false],
    ['22.9.0', false],
    ['21.99.99', false],
    ['20.20.2', false],
    ['v18.0.0', false],
    ['9.0.0', false],
  ] as const)('%s -> %s', ([version, ok]) => {
    expect(satisfiesNodeVersion(version)).toBe(ok);
  });

  it('compares numerically, not as text', () => {
    expect(satisfiesNodeVersion('22.100.0', '22.12.0')).toBe(true);
    expect(satisfiesNodeVersion('3.0.0', '22.12.0')).toBe(false);
  });
});

describe('nodeVersionProblem', () => {
  it('is silent on a Node that will do', () => {
    expect(nodeVersionProblem('22.12.0')).toBeUndefined();
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
  });

  it('says on one line what is needed, what was found and how to fix it', () => {
    const line = nodeVersionProblem('20.20.2');
    expect(line).toContain('needs Node.js >= 22.12.0');
    expect(line).toContain('this is Node.js v20.20.2');
    expect(line).toContain(process.execPath);
    expect(line).toContain('install Node.js 22 or later');
    expect(line).not.toContain('\n');
  });
});

describe('REQUIRED_NODE_VERSION', () => {
  it('is the lower bound of engines.node in package.json', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { engines: { node: string } };
    expect(manifest.engines.node).toBe(`>=${REQUIRED_NODE_VERSION}`);
  });
});
