"""How the server behaves under load, for testing that the suite gives a busy or slow server the
verdicts it gives an idle one.

- Variant `sheds-load`: the first of every three identical requests to the operations surface
  (same method, path and body) is refused as a busy front end refuses it, in turn 503 UNAVAILABLE
  with `Retry-After: 1`, 429 RESOURCE_EXHAUSTED without it, 429 with `Retry-After: 1`, 503
  without. google/rpc/code.proto says UNAVAILABLE "is most likely a transient condition, which
  can be corrected by retrying with a backoff"; RFC 6585 section 4 defines 429 and RFC 9110
  section 10.2.3 Retry-After. Counting per request, not across requests, means the repeat of a
  refused request is served whoever else asks meanwhile.
- `--one-at-a-time-ms N`: requests to the operations surface are answered one at a time, each
  after N ms, as by a server with a single worker. No page promises a response time.

The control endpoint is never shed nor slowed: it is the test's plumbing, not the API.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterator

from envelopes import ApiError

# (google.rpc.Code name, Retry-After or None), in turn.
SHED_ANSWERS: list[tuple[str, str | None]] = [
    ("UNAVAILABLE", "1"),
    ("RESOURCE_EXHAUSTED", None),
    ("RESOURCE_EXHAUSTED", "1"),
    ("UNAVAILABLE", None),
]


class Shed(Exception):
    """A request refused for load: the error to answer, and the Retry-After to send with it."""

    def __init__(self, error: ApiError, retry_after: str | None) -> None:
        super().__init__(error.message)
        self.error = error
        self.retry_after = retry_after


class Load:
    """The load behaviour of one server process (thread-safe)."""

    def __init__(self, shed: bool, one_at_a_time_s: float) -> None:
        self._shed = shed
        self._one_at_a_time_s = one_at_a_time_s
        self._seen: dict[tuple[str, str, bytes], int] = {}
        self._turn = 0
        self._lock = threading.Lock()
        self._worker = threading.Lock()

    def check(self, method: str, path: str, body: bytes) -> None:
        """Raises Shed when this request is one to refuse."""
        if not self._shed:
            return
        with self._lock:
            key = (method, path, body)
            count = self._seen.get(key, 0)
            self._seen[key] = count + 1
            if count % 3 != 0:
                return
            status, retry_after = SHED_ANSWERS[self._turn % len(SHED_ANSWERS)]
            self._turn += 1
        message = "Quota exceeded: slow down." if status == "RESOURCE_EXHAUSTED" else "The service is busy."
        raise Shed(ApiError(status, message, "SERVICE_BUSY", "googleapis.com"), retry_after)

    @contextmanager
    def turn(self) -> Iterator[None]:
        """The one worker, when the server answers one request at a time; otherwise nothing."""
        if self._one_at_a_time_s <= 0:
            yield
            return
        with self._worker:
            time.sleep(self._one_at_a_time_s)
            yield
