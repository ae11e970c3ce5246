#!/usr/bin/env python3
"""An independent implementation of operations.get and operations.cancel for the five services
lro-conformance checks, written from their documentation alone (see README.md beside this file).

    python3 server.py --port 0 [--mode honor|unsupported|completes-despite-cancel] [--fault NAME]
        [--variant NAME ...] [--one-at-a-time-ms N]

prints its base URL on stdout once it is listening; the control endpoint is {base}/__control.
Python 3.9+ standard library only.
"""

from __future__ import annotations

import argparse
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

# Keep the repository clean: no __pycache__ beside the sources.
sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from http_surface import make_handler  # noqa: E402 (after the path is set)
from load import Load  # noqa: E402
from operations import MODES, Registry  # noqa: E402

# Each fault is one deliberate violation of the documentation, for testing the suite.
FAULTS = {
    "cancel-deletes": "a cancel that takes effect deletes the operation (GET then answers 404)",
    "cancelled-code-499": "a cancelled operation's error.code is 499 (the HTTP mapping) instead of 1",
    "cancel-reverts": "a cancelled operation shows as running again 150 ms after it was first read as cancelled",
    "completed-cancel-overwrites": "a cancel turns a done or failed operation into a cancelled one",
    "failed-http-code": "a failed operation's error.code is an HTTP status (500/400), not a google.rpc.Code",
    "html-errors": "every error answer is an HTML page (text/html)",
    "envelope-rpc-code": "the error envelope's code is the google.rpc.Code number, not the HTTP status",
    "unknown-name-200": "names nobody minted answer 200 (GET makes up a running operation, cancel succeeds)",
    "lenient-body": "unknown fields in a cancel body are ignored instead of rejected",
    "get-cancel-cancels": "GET on the :cancel URL cancels the operation and answers 200",
    "unimplemented-only-without-body": "with --mode unsupported, only a cancel without a body answers 501; "
    "a cancel with a body is carried out",
    "cancel-answers-operation": "a successful cancel answers 200 with the Operation instead of an empty body",
    "cancel-202": "a successful cancel answers 202 Accepted",
    "no-error-info": "error envelopes carry no google.rpc.ErrorInfo in details",
    "cancelled-without-done": "a cancelled operation carries error.code 1 but no `done: true`",
    "completed-without-result": "an operation that completed and was asked to cancel (before or after it "
    "completed) reads done: true with neither response nor error",
    "unimplemented-but-cancels": "with --mode unsupported, cancel answers 501 UNIMPLEMENTED but cancels the operation",
    # Each of these passed the suite once (issue 13); each led to a fix (README.md).
    "body-cancel-stub": "a cancel whose body is {} or \"\" answers success and changes nothing; only a cancel "
    "without a body is carried out",
    "cancelled-details-untyped": "a cancelled operation's error.details holds an entry without @type",
    "despite-renamed": "an operation that completed despite a cancel reads back under another name",
    "metadata-untyped": "every operation's metadata lacks @type (google-gax cannot decode it)",
    "completed-cancel-404": "a cancel of an operation that completed on its own answers 404 NOT_FOUND",
    "system-params-refused": "every query parameter, Google's system parameters included, is refused with 400",
    "encoded-slash-decoded": "%2F in a path is decoded before routing, so it acts as a separator",
    "purge-after-5s": "a cancelled operation is deleted 5 s after its cancel",
}


# Each variant is a legitimate alternative the documentation also allows, off by default.
VARIANTS = {
    "foreign-parent-403": "names under a parent the caller does not own answer 403 PERMISSION_DENIED before "
    "existence is checked (AIP-193); the caller owns only the parents names are minted under",
    "refuse-cancel-when-done": "cancel of an operation that has already completed answers 400 FAILED_PRECONDITION "
    "and changes nothing",
    "malformed-404": "names that fit no binding answer 404 NOT_FOUND instead of 400 INVALID_ARGUMENT",
    "done-false-explicit": "running operations carry an explicit \"done\": false",
    "zero-length-200": "where the page says the response body is empty, a successful cancel answers 200 with a "
    "zero-length body instead of 204",
    "sheds-load": "the first of every three identical requests to the operations surface is refused as a busy "
    "front end refuses it: 503 or 429, with and without Retry-After (load.py)",
    "html-404-unrouted": "a path no binding routes (a malformed name, an unknown version) answers the front end's "
    "HTML 404 page instead of an envelope",
    "strict-body-star": "where the cancel binding reads the body (body: \"*\"), the JSON string \"\" is refused with "
    "400: it is no CancelOperationRequest",
    "ignore-body-without-binding": "where no cancel binding reads a body, the body is not read (unknown fields "
    "included)",
}


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--mode", choices=MODES, default="honor",
                        help="honor: cancels take effect; unsupported: every cancel answers 501 UNIMPLEMENTED; "
                        "completes-despite-cancel: cancels are accepted but operations complete anyway")
    parser.add_argument("--fault", choices=sorted(FAULTS), help="inject one deliberate violation")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS), default=[],
                        help="take a legitimate alternative behaviour (repeatable)")
    parser.add_argument("--one-at-a-time-ms", type=int, default=0,
                        help="answer requests to the operations surface one at a time, each after this many ms "
                        "(a server with one worker; default 0: no wait, many at once)")
    parser.add_argument("--cancel-delay-ms", type=int, default=200,
                        help="how long after it is accepted a cancel takes effect (default 200)")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="stop when stdin closes (so a test's server dies with the test)")
    parser.add_argument("--verbose", action="store_true", help="log every request on stderr")
    parser.add_argument("--list-faults", action="store_true", help="print the faults and variants and exit")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_arguments(argv)
    if args.list_faults:
        for name, description in FAULTS.items():
            print(f"fault {name}: {description}")
        for name, description in VARIANTS.items():
            print(f"variant {name}: {description}")
        return 0
    if args.cancel_delay_ms < 0 or args.one_at_a_time_ms < 0:
        print("server.py: --cancel-delay-ms and --one-at-a-time-ms must be 0 or more", file=sys.stderr)
        return 2
    registry = Registry(args.mode, args.cancel_delay_ms / 1000, args.fault, frozenset(args.variant))
    # The default listen backlog (5) drops connections when a run opens many at once.
    ThreadingHTTPServer.request_queue_size = 128
    try:
        load = Load("sheds-load" in args.variant, args.one_at_a_time_ms / 1000)
        server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(registry, load, args.verbose))
    except OSError as error:
        print(f"server.py: cannot listen on 127.0.0.1:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    server.daemon_threads = True
    if args.exit_on_stdin_eof:
        threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    host, port = server.server_address[:2]
    print(f"http://{host}:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
