"""The HTTP surface: GetOperation and CancelOperation of the five services on one listener, plus
the test-control endpoint (control.py).

Ads Data Hub and DAI share `/v1/operations/**`. This server routes such a path by which service
minted the name, as a multi-tenant front end with one operations table would; a name nobody
minted is answered 404 in the neutral domain `googleapis.com`, since it belongs to neither.

Request order, as Google front ends do it: route (a path that fits no binding is 400
INVALID_ARGUMENT; a method or verb with no binding is 404 "Method not found."), system query
parameters, then for cancel the support check (501) and the body (read before the operation is
looked up), then the lookup (404).
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

import control
from cancel_body import check_cancel_body
from envelopes import ApiError
from load import Load, Shed
from operations import Operation, Registry
from render import fake_running_json, operation_json
from routing import (
    NEUTRAL_DOMAIN, ApiPath, method_not_found, parse_api_path, select_fields, system_parameters,
    wants_pretty,
)
from services import SERVICES, VERSIONS, Service, candidates

JSON_TYPE = "application/json; charset=UTF-8"
GET_METHOD = "google.longrunning.Operations.GetOperation"
CANCEL_METHOD = "google.longrunning.Operations.CancelOperation"

# Variant `foreign-parent-403`: the parents the caller may access (the ones names are minted
# under); `operations/**` names have no parent.
OWNED_PARENTS = {
    "admanager": ("networks", "21700000"),
    "checks": ("accounts", "4815162342"),
    "datafusion": ("projects", "independent-python"),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    registry: Registry  # set by make_handler
    load: Load  # set by make_handler
    verbose = False

    # --- plumbing ---------------------------------------------------------------------------

    def version_string(self) -> str:
        return "ESF"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        if self.verbose:
            super().log_message(format, *args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Protocol-level errors (a bad request line, ...) as envelopes too, never HTML."""
        status = {404: "NOT_FOUND", 501: "UNIMPLEMENTED"}.get(code, "INVALID_ARGUMENT")
        self.close_connection = True
        error = ApiError(status, message or "Bad request.", "BAD_HTTP_REQUEST", NEUTRAL_DOMAIN)
        self._send_api_error(error)

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    @property
    def fault(self) -> str | None:
        return self.registry.fault

    def variant(self, name: str) -> bool:
        return name in self.registry.variants

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
            url = urlsplit(self.path)
            if control.is_control_path(url.path):
                self._control(url.path, body)
            else:
                with self.load.turn():
                    self.load.check(self.command, self.path, body)
                    self._api(url.path, url.query, body)
        except Shed as shed:
            extra = {} if shed.retry_after is None else {"Retry-After": shed.retry_after}
            self._send_json(shed.error.http_status, shed.error.envelope(None), extra_headers=extra)
        except ApiError as error:
            self._send_api_error(error)
        except Exception as error:  # a bug here is an INTERNAL answer, never a hung request
            self._send_api_error(ApiError("INTERNAL", f"Internal error: {error}", "INTERNAL", NEUTRAL_DOMAIN))

    def _control(self, path: str, body: bytes) -> None:
        # Faults are about the API under test: the control endpoint always answers plain envelopes.
        try:
            status, payload = control.handle(self.registry, self.command, path, body)
        except ApiError as error:
            status, payload = error.http_status, error.envelope(None)
        self._send_json(status, payload, pretty=False)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _write(
        self, status: int, body: bytes | None, content_type: str | None, extra_headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.send_header("Vary", "Origin, X-Origin, Referer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "private")
        if body is not None:
            if content_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(
        self, status: int, payload: Any, pretty: bool = True, extra_headers: dict[str, str] | None = None
    ) -> None:
        if pretty:
            text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
        else:
            text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        self._write(status, text.encode("utf-8"), JSON_TYPE, extra_headers)

    def _send_api_error(self, error: ApiError) -> None:
        # Variant `html-404-unrouted`: a path no binding routes gets the front end's HTML 404 page.
        unrouted = getattr(error, "unrouted", False) and self.variant("html-404-unrouted")
        if self.fault == "html-errors" or unrouted:
            self._write(error.http_status, error.html().encode("utf-8"), "text/html; charset=UTF-8")
            return
        self._send_json(error.http_status, error.envelope(self.fault))

    # --- routing ----------------------------------------------------------------------------

    def _api(self, raw_path: str, query: str, body: bytes) -> None:
        try:
            path = parse_api_path(self.command, raw_path, VERSIONS, self.fault == "encoded-slash-decoded")
        except ApiError as error:
            error.unrouted = True
            raise
        params = system_parameters(query, self.fault == "system-params-refused")
        if self.command == "GET" and path.verb == "cancel" and self.fault == "get-cancel-cancels":
            self._cancel(path, b"")
        elif self.command in ("GET", "HEAD") and path.verb is None:
            fields = params.get("fields") or params.get("$fields")
            self._get(path, fields, wants_pretty(params))
        elif self.command == "POST" and path.verb == "cancel":
            self._cancel(path, body)
        else:
            raise method_not_found(self.command, raw_path)

    def _fitting(self, path: ApiPath, method: str) -> list[Service]:
        """The services whose binding the name fits; none is a 400 (or a 404 under a variant)."""
        fitting = candidates(path.version, path.segments)
        if fitting:
            return fitting
        templates = ", ".join(
            dict.fromkeys("{name=" + "/".join(s.template) + "}" for s in SERVICES if s.version == path.version)
        )
        message = f'Invalid resource name "{path.name}": a name under /{path.version}/ must fit one of {templates}.'
        hosts = {s.host for s in SERVICES if s.version == path.version}
        domain = hosts.pop() if len(hosts) == 1 else NEUTRAL_DOMAIN
        metadata = {"name": path.name, "method": method}
        if self.variant("malformed-404"):
            error = ApiError("NOT_FOUND", message, "INVALID_RESOURCE_NAME", domain, metadata)
        elif self.variant("html-404-unrouted"):
            error = ApiError("NOT_FOUND", "Not Found", "UNROUTED", NEUTRAL_DOMAIN)
        else:
            error = ApiError("INVALID_ARGUMENT", message, "INVALID_RESOURCE_NAME", domain, metadata,
                             [{"field": "name", "description": message}])
        error.unrouted = True
        raise error

    def _lookup(self, path: ApiPath, fitting: list[Service], method: str) -> Operation | None:
        if self.variant("foreign-parent-403"):
            self._check_permission(fitting, path.segments, method)
        operation = self.registry.find(path.name)
        return operation if operation is not None and operation.service in fitting else None

    def _check_permission(self, fitting: list[Service], segments: list[str], method: str) -> None:
        """AIP-193: "If the user does not have permission to access the resource or parent,
        regardless of whether or not it exists, the service must error with PERMISSION_DENIED
        (HTTP 403). Permission must be checked prior to checking if the resource or parent
        exists." The caller here owns only the parents this server mints under."""
        for service in fitting:
            owned = OWNED_PARENTS.get(service.id)
            if owned is not None and tuple(segments[: len(owned)]) != owned:
                parent = "/".join(segments[: len(owned)])
                raise ApiError(
                    "PERMISSION_DENIED", f'The caller does not have permission to access "{parent}".',
                    "IAM_PERMISSION_DENIED", service.host,
                    {"resource": parent, "permission": f"{service.id}.operations.get", "method": method},
                )

    def _not_found(self, fitting: list[Service], name: str, method: str) -> ApiError:
        domain = fitting[0].host if len(fitting) == 1 else NEUTRAL_DOMAIN
        return ApiError("NOT_FOUND", f'Operation "{name}" not found.', "OPERATION_NOT_FOUND", domain,
                        {"name": name, "method": method})

    # --- the two methods --------------------------------------------------------------------

    def _get(self, path: ApiPath, fields: str | None, pretty: bool) -> None:
        fitting = self._fitting(path, GET_METHOD)
        operation = self._lookup(path, fitting, GET_METHOD)
        if operation is None:
            if self.fault == "unknown-name-200":
                self._send_json(200, fake_running_json(path.name), pretty)
                return
            raise self._not_found(fitting, path.name, GET_METHOD)
        phase = self.registry.phase_seen(operation)
        payload = operation_json(operation, phase, self.fault, self.variant("done-false-explicit"))
        self._send_json(200, select_fields(payload, fields), pretty)

    def _cancel(self, path: ApiPath, body: bytes) -> None:
        fitting = self._fitting(path, CANCEL_METHOD)
        if self._cancel_unsupported(body):
            if self.fault == "unimplemented-but-cancels":
                operation = self._lookup(path, fitting, CANCEL_METHOD)
                if operation is not None:
                    self.registry.cancel(operation)
            domain = fitting[0].host if len(fitting) == 1 else NEUTRAL_DOMAIN
            raise ApiError("UNIMPLEMENTED", "Operation cancellation is not supported by this service.",
                           "CANCEL_NOT_SUPPORTED", domain, {"method": CANCEL_METHOD})
        # Variant `ignore-body-without-binding`: where no binding reads a body, it is not read.
        reads_body = any(service.body_star for service in fitting)
        if self.fault != "lenient-body" and (reads_body or not self.variant("ignore-body-without-binding")):
            check_cancel_body(body, fitting, self.variant("strict-body-star"))
        operation = self._lookup(path, fitting, CANCEL_METHOD)
        if operation is None:
            if self.fault == "unknown-name-200":
                self._cancel_success(fitting[0], None)
                return
            raise self._not_found(fitting, path.name, CANCEL_METHOD)
        if self.fault == "completed-cancel-404" and self.registry.completed_on_its_own(operation):
            raise self._not_found(fitting, path.name, CANCEL_METHOD)
        if self.fault == "body-cancel-stub" and body.strip() in (b"{}", b'""'):
            self._cancel_success(operation.service, None)  # answered, never carried out
            return
        if self.variant("refuse-cancel-when-done") and self.registry.is_completed(operation):
            raise ApiError(
                "FAILED_PRECONDITION", f'Operation "{path.name}" has already completed: there is nothing left '
                "to cancel.", "OPERATION_ALREADY_DONE", operation.service.host,
                {"name": path.name, "method": CANCEL_METHOD},
            )
        self.registry.cancel(operation)
        self._cancel_success(operation.service, operation)

    def _cancel_unsupported(self, body: bytes) -> bool:
        if self.registry.mode != "unsupported":
            return False
        # Fault `unimplemented-only-without-body`: a body slips past the support check.
        return not (self.fault == "unimplemented-only-without-body" and body.strip())

    def _cancel_success(self, service: Service, operation: Operation | None) -> None:
        if self.fault == "cancel-answers-operation" and operation is not None:
            self._send_json(200, operation_json(operation, self.registry.phase_seen(operation), None))
        elif self.fault == "cancel-202":
            self._send_json(202, {})
        elif service.success_body == "no-content" and self.variant("zero-length-200"):
            self._write(200, b"", None)
        elif service.success_body == "no-content":
            self._write(204, None, None)
        else:
            self._send_json(200, {})


def make_handler(registry: Registry, load: Load, verbose: bool) -> type[Handler]:
    return type("BoundHandler", (Handler,), {"registry": registry, "load": load, "verbose": verbose})
