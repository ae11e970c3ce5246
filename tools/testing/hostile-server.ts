/**
 * The reference over loopback HTTP with hostile answers (hostile-answers.ts), as a process of its
 * own, for the bench: `node tools/testing/hostile-server.ts --answer endless|gzip-bomb|padded`
 * prints `hostile server: http://127.0.0.1:PORT` once it listens and stops on SIGTERM. Its
 * control endpoint is the reference's, so a run gets past its preflight and makes operations.
 */
import { parseArgs } from 'node:util';
import { type HostileAnswer, hostile } from './hostile-answers.ts';
import { serveReference } from './serve-reference.ts';

const ANSWERS: Readonly<Record<string, HostileAnswer>> = {
  endless: { kind: 'endless' },
  'gzip-bomb': { kind: 'gzip-bomb', inflatedBytes: 16 * 1024 ** 3 },
  padded: { kind: 'padded', bytes: 2 * 1024 * 1024 },
};

const { values } = parseArgs({ options: { answer: { type: 'string', default: 'endless' } } });
const answer = ANSWERS[values.answer ?? ''];
if (answer === undefined) {
  process.stderr.write(`hostile-server: --answer is one of ${Object.keys(ANSWERS).join(', ')}\n`);
  process.exit(2);
}
const server = await serveReference({ wrap: (fetch) => hostile(fetch, answer) });
process.stdout.write(`hostile server: ${server.baseUrl}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
