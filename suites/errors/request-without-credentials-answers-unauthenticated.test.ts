import { aipSource, conformanceTest, defineClause, protoSource, rfcSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'A request without credentials is refused with 401 UNAUTHENTICATED and a WWW-Authenticate challenge',
  strength: 'SHOULD',
  quote: 'The request does not have valid authentication credentials for the operation.',
  sources: [
    protoSource('google/rpc/code.proto'),
    aipSource(193),
    rfcSource(9110, '11.6.1'),
    rfcSource(6750, '3'),
  ],
  services: 'all',
  requires: 'nothing',
  calls: ['get'],
  method:
    'Sends one GetOperation for a well-formed name that cannot exist, without any of the credentials the run sends, and checks the answer: an AIP-193 envelope with HTTP 401 and status UNAUTHENTICATED, and a WWW-Authenticate header with a challenge.',
  meanings: {
    FAIL: 'The request without credentials was refused otherwise: 403 PERMISSION_DENIED (which google.rpc.Code reserves for callers it can identify), an UNAUTHENTICATED status under another HTTP code, a 401 that is no AIP-193 envelope, or a 401 without a WWW-Authenticate challenge.',
    NOT_APPLICABLE:
      'The target answered the request without credentials as any other (the embedded reference, `serve` without `--token`): it asks for no credentials.',
  },
  derivation:
    'The service pages list the OAuth scopes each call needs but not what a call without credentials gets, hence SHOULD. google/rpc/code.proto maps UNAUTHENTICATED ("The request does not have valid authentication credentials for the operation.") to HTTP 401 and says PERMISSION_DENIED "must not be used if the caller can not be identified (use `UNAUTHENTICATED` instead for those errors)"; AIP-193 carries it as an error envelope; RFC 9110 §11.6.1: "A server generating a 401 (Unauthorized) response MUST send a WWW-Authenticate header field containing at least one challenge", as RFC 6750 §3 asks of OAuth bearer-token resource servers.',
  expectedError: { httpStatus: 401, status: 'UNAUTHENTICATED' },
});

conformanceTest(
  clause,
  'a GetOperation without credentials answers 401 UNAUTHENTICATED with a challenge',
  async (t) => {
    const name = await t.nonexistentName();
    const answer = await t.clientWithoutCredentials.get(name);
    const status = (answer.json as { error?: { status?: unknown } } | undefined)?.error?.status;
    if (answer.status === 403 && status === 'PERMISSION_DENIED') {
      t.fail(
        `GetOperation ${name} without credentials answered 403 PERMISSION_DENIED: a caller that cannot be identified gets UNAUTHENTICATED (401), google.rpc.Code says`,
        { rootCause: 'anonymous-permission-denied' },
      );
    }
    if (answer.status !== 401 && status !== 'UNAUTHENTICATED') {
      t.notApplicable(
        `the target answered ${answer.status} to a request without credentials, as to any other: it asks for none`,
      );
    }
    t.expectDeclaredError(answer);
    if ((answer.headers.get('www-authenticate') ?? '').trim() === '') {
      t.fail(`the 401 to GetOperation ${name} carries no WWW-Authenticate challenge`, {
        rootCause: 'unauthenticated-without-challenge',
      });
    }
  },
);
