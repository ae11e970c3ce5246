// A user's node:test file, copied into the packaging test's temporary project and run with
// `node --test`: the docs/API.md example against the installed package, the embedded reference
// (every selected cell passes) and a deliberately broken one (a MUST clause fails, exit code 1).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exitCodeOf, isLroError, runConformance } from 'lro-conformance';

test('the embedded reference is conformant', async () => {
  const results = await runConformance({ services: ['checks', 'dai'], clauses: ['cancel/*'] });
  assert.equal(results.summary.verdict, 'conformant');
  assert.equal(exitCodeOf(results), 0);
  assert.deepEqual(results.services, ['checks', 'dai']);
});

test('a reference whose cancel deletes the operation is not', async () => {
  const results = await runConformance({
    services: ['dai'],
    clauses: ['cancel/cancelled-operation-is-not-deleted'],
    fault: 'cancel-deletes-the-operation',
  });
  assert.equal(results.summary.verdict, 'not-conformant');
  assert.equal(exitCodeOf(results), 1);
});

test('bad options reject with the CLI exit code and one line', async () => {
  await assert.rejects(runConformance({ services: ['nope'] }), (error) => {
    assert.ok(isLroError(error));
    assert.equal(error.code, 'USAGE');
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /^unknown service "nope" \(known: /);
    return true;
  });
});
