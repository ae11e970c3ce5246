"""What a cancel may carry as its body.

The pages: "The request body must be empty." Accepted: no body, `{}`, and the two-byte JSON
string `""` that google-gax's REST transport sends for bindings without a body. With
`body: "*"` (Checks and Data Fusion, per their Discovery documents) the body is a
CancelOperationRequest, whose only field, `name`, may repeat the path's name (google/api/http.proto:
path variables take precedence). Anything else is 400 INVALID_ARGUMENT, in the words Google
front ends use ("Invalid JSON payload received. Unknown name ...: Cannot find field.").
"""

from __future__ import annotations

import json

from envelopes import ApiError
from routing import NEUTRAL_DOMAIN
from services import Service


def _invalid(message: str, metadata: dict[str, str] | None = None) -> ApiError:
    return ApiError("INVALID_ARGUMENT", message, "INVALID_JSON_PAYLOAD", NEUTRAL_DOMAIN, metadata,
                    [{"description": message}])


def check_cancel_body(body: bytes, fitting: list[Service], strict_body_star: bool = False) -> None:
    if not body.strip():
        return
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _invalid(f"Invalid JSON payload received. {error}.") from None
    if value == "":
        # Variant `strict-body-star`: with `body: "*"` the body is a CancelOperationRequest, and the
        # JSON string "" is none (google-gax sends it only for bindings without a body).
        if strict_body_star and all(service.body_star for service in fitting):
            raise _invalid('Invalid JSON payload received. Unknown name "": Root element must be a message.')
        return
    if not isinstance(value, dict):
        raise _invalid("Invalid JSON payload received. Expected an object as the request body.")
    known = {"name"} if all(service.body_star for service in fitting) else set()
    for key in value:
        if key not in known:
            raise _invalid(f'Invalid JSON payload received. Unknown name "{key}": Cannot find field.',
                           {"field": key})
