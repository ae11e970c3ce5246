"""Request paths and query strings, read the way google/api/http.proto (gRPC transcoding) says.

- `/{version}/{name=...}` and `/{version}/{name=...}:cancel`: the verb is the text after the last
  `:` of the last segment.
- Names are multi-segment variables: "the server side does the reverse decoding, except "%2F"
  and "%2f" are left unchanged", so a `%2F` never becomes a segment separator.
- Only Google's system parameters (https://cloud.google.com/apis/docs/system-parameters) may
  appear in the query: GetOperationRequest and CancelOperationRequest have no field a query
  parameter could bind to besides `name`, which travels in the path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from envelopes import ApiError

NEUTRAL_DOMAIN = "googleapis.com"

SYSTEM_PARAMETERS = frozenset(
    {
        "alt", "$alt", "key", "access_token", "oauth_token", "prettyPrint", "$prettyPrint",
        "fields", "$fields", "quotaUser", "$.xgafv", "callback", "$callback", "upload_protocol",
        "uploadType",
    }
)


@dataclass(frozen=True)
class ApiPath:
    version: str
    segments: list[str]
    verb: str | None

    @property
    def name(self) -> str:
        return "/".join(self.segments)


def method_not_found(method: str, path: str) -> ApiError:
    return ApiError(
        "NOT_FOUND", "Method not found.", "METHOD_NOT_FOUND", NEUTRAL_DOMAIN,
        {"method": method, "path": path},
    )


def decode_segment(raw: str) -> str:
    kept = re.split(r"(%2[fF])", raw)
    return "".join(part if part.lower() == "%2f" else unquote(part) for part in kept)


def parse_api_path(method: str, path: str, versions: frozenset[str], decode_slashes: bool = False) -> ApiPath:
    # Fault `encoded-slash-decoded`: %2F is decoded before the path is split into segments.
    if decode_slashes:
        path = re.sub(r"%2[fF]", "/", path)
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != "" or parts[1] not in versions:
        raise method_not_found(method, path)
    raw_segments = parts[2:]
    verb = None
    if ":" in raw_segments[-1]:
        raw_segments[-1], verb = raw_segments[-1].rsplit(":", 1)
    return ApiPath(parts[1], [decode_segment(segment) for segment in raw_segments], verb)


def system_parameters(query: str, refuse_all: bool = False) -> dict[str, str]:
    params = dict(parse_qsl(query, keep_blank_values=True))
    for key, value in params.items():
        # Fault `system-params-refused`: every query parameter is refused, system ones included.
        if key not in SYSTEM_PARAMETERS or refuse_all:
            # The words Google front ends use for a query parameter nothing binds to.
            message = (
                f'Invalid JSON payload received. Unknown name "{key}": Cannot bind query '
                f"parameter. Field '{key}' could not be found in request message."
            )
            raise ApiError(
                "INVALID_ARGUMENT", message, "UNKNOWN_QUERY_PARAMETER", NEUTRAL_DOMAIN,
                {"parameter": key}, [{"description": message}],
            )
        if key in ("alt", "$alt") and value.split(";")[0] not in ("json", ""):
            raise ApiError(
                "INVALID_ARGUMENT", f'Invalid value "{value}" for alt: only json is served here.',
                "UNSUPPORTED_ALT", NEUTRAL_DOMAIN, {"alt": value},
            )
    return params


def wants_pretty(params: dict[str, str]) -> bool:
    """Google front ends pretty-print JSON unless prettyPrint=false."""
    return params.get("prettyPrint", params.get("$prettyPrint", "true")) != "false"


def select_fields(payload: dict, fields: str | None) -> dict:
    """The `fields` system parameter, for top-level fields (`name,done`, `error/code`)."""
    if not fields:
        return payload
    wanted = {field.split("/")[0].split("(")[0].strip() for field in fields.split(",")}
    return {key: value for key, value in payload.items() if key in wanted}
