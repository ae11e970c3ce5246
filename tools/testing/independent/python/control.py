"""The test-control endpoint of docs/CONTROL-PROTOCOL.md, served at /__control.

`GET /__control` describes the target; `POST /__control/operations` with
`{"service": ..., "scenario": ...}` answers 201 with a new operation's name. Bad input is a 400
naming the bad value and the allowed ones. No credentials are asked for.
"""

from __future__ import annotations

import json
from typing import Any

from envelopes import ApiError
from operations import SCENARIOS, Registry
from services import BY_ID, SERVICES

CONTROL = "/__control"
DOMAIN = "independent-python.control"
# The protocol's words for this server's --mode values.
MODE_NAMES = {"honor": "honor", "unsupported": "unimplemented", "completes-despite-cancel": "completes-despite-cancel"}


def is_control_path(path: str) -> bool:
    return path == CONTROL or path.startswith(CONTROL + "/")


def describe(registry: Registry) -> dict[str, Any]:
    return {
        "services": [service.id for service in SERVICES],
        "scenarios": list(SCENARIOS),
        "cancelModes": {service.id: MODE_NAMES[registry.mode] for service in SERVICES},
        "cancelDelayMs": round(registry.cancel_delay_s * 1000),
        "implementation": "independent Python server (tools/testing/independent/python)",
        "fault": registry.fault,
        "variants": sorted(registry.variants),
    }


def handle(registry: Registry, method: str, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON payload) for a control request; raises ApiError for bad ones."""
    path = path.rstrip("/")
    if path == CONTROL and method == "GET":
        return 200, describe(registry)
    if path != CONTROL + "/operations" or method != "POST":
        raise ApiError(
            "NOT_FOUND",
            f"{method} {path} is not a control endpoint: use GET {CONTROL} or POST {CONTROL}/operations.",
            "UNKNOWN_CONTROL_ENDPOINT", DOMAIN, {"path": path},
        )
    try:
        request = json.loads(body.decode("utf-8") or "null")
    except (UnicodeDecodeError, ValueError):
        request = None
    if not isinstance(request, dict):
        raise ApiError(
            "INVALID_ARGUMENT",
            'The body must be a JSON object like {"service": "checks", "scenario": "running"}.',
            "BODY_NOT_AN_OBJECT", DOMAIN,
        )
    service_id, scenario = request.get("service"), request.get("scenario")
    if service_id not in BY_ID:
        raise ApiError(
            "INVALID_ARGUMENT",
            f"unknown service {json.dumps(service_id)} (allowed: {', '.join(BY_ID)})",
            "UNKNOWN_SERVICE", DOMAIN, {"service": str(service_id)},
        )
    if scenario not in SCENARIOS:
        raise ApiError(
            "INVALID_ARGUMENT",
            f"unknown scenario {json.dumps(scenario)} (allowed: {', '.join(SCENARIOS)})",
            "UNKNOWN_SCENARIO", DOMAIN, {"scenario": str(scenario)},
        )
    operation = registry.create(BY_ID[service_id], scenario)
    # The protocol needs only `name`; the rest is allowed ("MAY carry other fields").
    return 201, {"scenario": scenario, "service": service_id, "name": operation.name}
