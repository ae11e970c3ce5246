"""Long-running operations and what cancel does to them.

Semantics from the cancel pages (specs/seeds/*.txt), all five of which say:
"Starts asynchronous cancellation on a long-running operation. The server makes a best effort to
cancel the operation, but success is not guaranteed. [...] Clients can use
Operations.GetOperation or other methods to check whether the cancellation succeeded or whether
the operation completed despite cancellation. On successful cancellation, the operation is not
deleted; instead, it becomes an operation with an Operation.error value with a
google.rpc.Status.code of 1, corresponding to Code.CANCELLED."

Scenarios are those of docs/CONTROL-PROTOCOL.md. A cancel takes effect `cancel_delay` seconds
after it is accepted (it is asynchronous), and state is worked out lazily whenever an operation
is read, against a monotonic clock: no timers, no background threads.
"""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

from services import Service

SCENARIOS = ("running", "completes-despite-cancel", "done", "failed")
MODES = ("honor", "unsupported", "completes-despite-cancel")

RUNNING, SUCCEEDED, FAILED, CANCELLED = "running", "succeeded", "failed", "cancelled"

# Fault `cancel-reverts`: how long after it was first read as cancelled an operation claims to be
# running again.
REVERT_AFTER_S = 0.15
# Fault `purge-after-5s`: how long after its cancel a cancelled operation is deleted.
PURGE_AFTER_S = 5.0


def rfc3339_now(seconds_ago: float = 0.0) -> str:
    now = datetime.fromtimestamp(time.time() - seconds_ago, timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond:06d}123Z"


@dataclass
class Operation:
    name: str
    service: Service
    scenario: str
    create_time: str
    phase: str
    cancel_requested: bool = False
    # (phase, monotonic time) a pending cancel moves the operation to.
    pending: tuple[str, float] | None = None
    first_seen_cancelled_at: float | None = None
    # Monotonic time of the first cancel request that was carried out.
    cancelled_at: float | None = None
    end_time: str | None = None
    deleted: bool = False
    extra: dict[str, str] = field(default_factory=dict)


class Registry:
    """Every operation minted by this process, by name, behind one lock."""

    def __init__(
        self, mode: str, cancel_delay_s: float, fault: str | None, variants: frozenset[str] = frozenset()
    ) -> None:
        self.mode = mode
        self.cancel_delay_s = cancel_delay_s
        self.fault = fault
        self.variants = variants
        self._lock = threading.Lock()
        self._operations: dict[str, Operation] = {}
        self._serial = itertools.count(1)

    # --- creation -------------------------------------------------------------------------

    def create(self, service: Service, scenario: str) -> Operation:
        with self._lock:
            name = self._mint(service)
            phase = {"done": SUCCEEDED, "failed": FAILED}.get(scenario, RUNNING)
            operation = Operation(name, service, scenario, rfc3339_now(), phase)
            if phase != RUNNING:
                operation.end_time = operation.create_time
            self._operations[name] = operation
            return operation

    def _mint(self, service: Service) -> str:
        """A fresh name in the style each service's real operations use."""
        serial = next(self._serial)
        tail = secrets.token_hex(6)
        if service.id == "adsdatahub":
            # `**` allows several segments: use two, so multi-segment names get exercised.
            return f"operations/customer-8123/query-{serial}-{tail}"
        if service.id == "dai":
            return f"operations/{int(time.time() * 1000)}{serial:06d}"
        if service.id == "admanager":
            return f"networks/21700000/operations/reports/runs/{serial}{int(tail[:6], 16)}"
        if service.id == "checks":
            return f"accounts/4815162342/apps/{serial}0042/operations/{tail}"
        millis = int(time.time() * 1000)
        return (
            f"projects/independent-python/locations/us-central1/operations/"
            f"operation-{millis}-{tail}-{secrets.token_hex(4)}-{serial:08x}"
        )

    # --- reading --------------------------------------------------------------------------

    def find(self, name: str) -> Operation | None:
        """The operation as of now, or None if it was never minted (or was deleted)."""
        with self._lock:
            operation = self._operations.get(name)
            if operation is None:
                return None
            self._advance(operation)
            if (
                self.fault == "purge-after-5s"
                and operation.phase == CANCELLED
                and operation.cancelled_at is not None
                and time.monotonic() >= operation.cancelled_at + PURGE_AFTER_S
            ):
                operation.deleted = True
            return None if operation.deleted else operation

    def is_completed(self, operation: Operation) -> bool:
        """Done, and not merely waiting for a cancel to take effect."""
        with self._lock:
            self._advance(operation)
            return operation.phase != RUNNING

    def completed_on_its_own(self, operation: Operation) -> bool:
        """Done without any cancel ever asked of it (fault `completed-cancel-404`)."""
        return self.is_completed(operation) and not operation.cancel_requested

    def phase_seen(self, operation: Operation) -> str:
        """The phase a reader sees: the real one, except under fault `cancel-reverts`, where a
        cancelled operation claims to be running again from REVERT_AFTER_S after the first read
        that showed it cancelled (so the reversion cannot slip between two polls)."""
        if self.fault != "cancel-reverts" or operation.phase != CANCELLED:
            return operation.phase
        with self._lock:
            now = time.monotonic()
            if operation.first_seen_cancelled_at is None:
                operation.first_seen_cancelled_at = now
            if now >= operation.first_seen_cancelled_at + REVERT_AFTER_S:
                return RUNNING
            return CANCELLED

    def _advance(self, operation: Operation) -> None:
        if operation.pending is None:
            return
        target, at = operation.pending
        if time.monotonic() < at:
            return
        operation.pending = None
        operation.phase = target
        operation.end_time = rfc3339_now(seconds_ago=time.monotonic() - at)
        if self.fault == "cancel-deletes" and target == CANCELLED:
            operation.deleted = True

    # --- cancelling -----------------------------------------------------------------------

    def cancel(self, operation: Operation) -> None:
        """Starts asynchronous cancellation (the caller has checked cancel is supported)."""
        with self._lock:
            self._advance(operation)
            operation.cancel_requested = True
            if operation.cancelled_at is None:
                operation.cancelled_at = time.monotonic()
            if operation.phase != RUNNING:
                if self.fault == "completed-cancel-overwrites":
                    operation.phase = CANCELLED
                # Otherwise a completed operation stays exactly as it was.
                return
            if operation.pending is not None:
                return  # a cancel is already on its way: a repeated cancel changes nothing
            completes = self.mode == "completes-despite-cancel" or operation.scenario == "completes-despite-cancel"
            target = SUCCEEDED if completes else CANCELLED
            operation.pending = (target, time.monotonic() + self.cancel_delay_s)
            self._advance(operation)
