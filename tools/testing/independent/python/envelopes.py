"""Error answers in the HTTP/1.1+JSON representation of AIP-193 (https://google.aip.dev/193).

`error.code` is the HTTP status, `error.status` the google.rpc.Code name (google/rpc/code.proto
gives each code's HTTP mapping), `error.details` carries a google.rpc.ErrorInfo ("All error
responses must include an ErrorInfo within details") and, for a bad request body, a
google.rpc.BadRequest.

Freedoms taken: the legacy `errors` array that older Google front ends still put beside the
AIP-193 fields ({"message", "domain": "global", "reason"}), Google's own key order (code,
message, errors, status, details), and `application/json; charset=UTF-8`.
"""

from __future__ import annotations

from typing import Any

# google/rpc/code.proto: name -> (number, HTTP status)
CODES: dict[str, tuple[int, int]] = {
    "OK": (0, 200),
    "CANCELLED": (1, 499),
    "UNKNOWN": (2, 500),
    "INVALID_ARGUMENT": (3, 400),
    "DEADLINE_EXCEEDED": (4, 504),
    "NOT_FOUND": (5, 404),
    "ALREADY_EXISTS": (6, 409),
    "PERMISSION_DENIED": (7, 403),
    "RESOURCE_EXHAUSTED": (8, 429),
    "FAILED_PRECONDITION": (9, 400),
    "ABORTED": (10, 409),
    "OUT_OF_RANGE": (11, 400),
    "UNIMPLEMENTED": (12, 501),
    "INTERNAL": (13, 500),
    "UNAVAILABLE": (14, 503),
    "DATA_LOSS": (15, 500),
    "UNAUTHENTICATED": (16, 401),
}

LEGACY_REASONS = {400: "badRequest", 404: "notFound", 501: "notImplemented", 500: "backendError"}


class ApiError(Exception):
    """An error answer, raised anywhere in request handling and rendered once."""

    def __init__(
        self,
        status: str,
        message: str,
        reason: str,
        domain: str,
        metadata: dict[str, str] | None = None,
        field_violations: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason
        self.domain = domain
        self.metadata = metadata or {}
        self.field_violations = field_violations

    @property
    def http_status(self) -> int:
        return CODES[self.status][1]

    def envelope(self, fault: str | None) -> dict[str, Any]:
        details: list[dict[str, Any]] = []
        if fault != "no-error-info":
            details.append(
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": self.reason,
                    "domain": self.domain,
                    "metadata": self.metadata,
                }
            )
        if self.field_violations:
            details.append(
                {
                    "@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": self.field_violations,
                }
            )
        # Fault `envelope-rpc-code`: the google.rpc.Code number where the HTTP status belongs.
        code = CODES[self.status][0] if fault == "envelope-rpc-code" else self.http_status
        return {
            "error": {
                "code": code,
                "message": self.message,
                "errors": [
                    {
                        "message": self.message,
                        "domain": "global",
                        "reason": LEGACY_REASONS.get(self.http_status, "badRequest"),
                    }
                ],
                "status": self.status,
                "details": details,
            }
        }

    def html(self) -> str:
        """Fault `html-errors`: the kind of page a bare web front end answers with."""
        return (
            "<!DOCTYPE html>\n<html lang=en><meta charset=utf-8>"
            f"<title>Error {self.http_status}</title>"
            f"<p><b>{self.http_status}.</b> <ins>That's an error.</ins>"
            f"<p>{self.message} <ins>That's all we know.</ins>\n"
        )
