"""The five services' operations surfaces, as their documentation pages print them.

Sources (each service's `operations.cancel` page, kept in specs/seeds/, and its OpenAPI document
in specs/services/):
- Ads Data Hub v1     POST https://adsdatahub.googleapis.com/v1/{name=operations/**}:cancel
                      "A successful cancellation results in an empty response body."
- Ad Manager v1       POST https://admanager.googleapis.com/v1/{name}:cancel; the service
                      configuration binds name to networks/*/operations/reports/runs/*
                      "If successful, the response body is an empty JSON object."
- DAI v1              POST https://dai.googleapis.com/v1/{name=operations/**}:cancel
                      "If successful, the response body is an empty JSON object."
- Checks v1alpha      POST https://checks.googleapis.com/v1alpha/{name=accounts/*/apps/*/operations/*}:cancel
                      "If successful, the response body is empty."
- Data Fusion v1      POST https://datafusion.googleapis.com/v1/{name=projects/*/locations/*/operations/*}:cancel
                      "If successful, the response body is an empty JSON object."

Path template syntax is google/api/http.proto's: `*` matches one path segment, `**` zero or more
segments and must come last.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Service:
    id: str
    host: str
    version: str
    # The name binding, split on "/": literals, "*" or a trailing "**".
    template: tuple[str, ...]
    # "no-content" where the page says the response body is empty, "empty-object" where it says
    # "an empty JSON object".
    success_body: str
    # Whether the HTTP rule has `body: "*"` (Checks and Data Fusion, per their Discovery
    # documents); the others publish no body rule.
    body_star: bool

    def fits(self, segments: list[str]) -> bool:
        """Whether a decoded name (as segments) fits this service's binding."""
        if any(segment == "" for segment in segments):
            return False
        if self.template[-1] == "**":
            fixed = self.template[:-1]
            return len(segments) >= len(fixed) and _literals_match(fixed, segments)
        return len(segments) == len(self.template) and _literals_match(self.template, segments)


def _literals_match(template: tuple[str, ...], segments: list[str]) -> bool:
    return all(t == "*" or t == s for t, s in zip(template, segments))


SERVICES: tuple[Service, ...] = (
    Service("adsdatahub", "adsdatahub.googleapis.com", "v1", ("operations", "**"), "no-content", False),
    Service(
        "admanager",
        "admanager.googleapis.com",
        "v1",
        ("networks", "*", "operations", "reports", "runs", "*"),
        "empty-object",
        False,
    ),
    Service("dai", "dai.googleapis.com", "v1", ("operations", "**"), "empty-object", False),
    Service(
        "checks",
        "checks.googleapis.com",
        "v1alpha",
        ("accounts", "*", "apps", "*", "operations", "*"),
        "no-content",
        True,
    ),
    Service(
        "datafusion",
        "datafusion.googleapis.com",
        "v1",
        ("projects", "*", "locations", "*", "operations", "*"),
        "empty-object",
        True,
    ),
)

BY_ID: dict[str, Service] = {service.id: service for service in SERVICES}
VERSIONS: frozenset[str] = frozenset(service.version for service in SERVICES)


def candidates(version: str, segments: list[str]) -> list[Service]:
    """Every service whose version and binding a request path fits (Ads Data Hub and DAI share
    `/v1/operations/**`, so a path can fit two)."""
    return [s for s in SERVICES if s.version == version and s.fits(segments)]
