"""google.longrunning.Operation in its proto3 JSON form, per service.

Sources: google/longrunning/operations.proto (Operation: name, metadata, done, oneof result
{error, response}), google/rpc/status.proto, google/protobuf/any.proto (Any's JSON form: `@type`
plus the packed message's fields, or `value` for well-known types with a special JSON form such
as google.protobuf.Empty), and the protobuf JSON mapping
(https://protobuf.dev/programming-guides/json/): fields with default values are omitted on
output; parsers accept `null` as the default value of any field.

Freedoms taken here, all within those sources:
- `done` is omitted while it is false (its default).
- a running operation carries `"response": null` (one member of the `result` oneof, null = unset,
  never next to the other member), and DAI operations carry `"metadata": null`.
- keys come in an unusual order (`done`, the result, `metadata`, `name` last).
- metadata and response types differ per service; DAI's response is a packed
  google.protobuf.Empty, `{"@type": ".../google.protobuf.Empty", "value": {}}`.
"""

from __future__ import annotations

from typing import Any

from operations import CANCELLED, FAILED, RUNNING, SUCCEEDED, Operation

TYPE = "type.googleapis.com/"

# The google.rpc.Code each service's failed scenario reports: never 0 (OK) or 1 (CANCELLED).
FAILED_CODES = {
    "adsdatahub": (9, "The query failed: table adh.google_ads_impressions is not available for this date range."),
    "admanager": (13, "Report run failed because of an internal error. Try again later."),
    "dai": (3, "The creative could not be ingested: the media file is not a supported video format."),
    "checks": (3, "The uploaded binary is not a valid Android App Bundle."),
    "datafusion": (13, "Failed to create instance: the Dataproc cluster could not be provisioned."),
}


def operation_json(
    operation: Operation, phase: str, fault: str | None, done_false_explicit: bool = False
) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if phase != RUNNING:
        body["done"] = True
    elif done_false_explicit:
        body["done"] = False
    if phase == SUCCEEDED:
        body["response"] = _response(operation)
    elif phase == FAILED:
        code, message = FAILED_CODES[operation.service.id]
        if fault == "failed-http-code":
            code = 500 if code == 13 else 400  # the HTTP status instead of the google.rpc.Code
        body["error"] = {"code": code, "message": message}
    elif phase == CANCELLED:
        code = 499 if fault == "cancelled-code-499" else 1
        body["error"] = {
            "code": code,
            "message": "Operation was cancelled by an operations.cancel request.",
            "details": [],
        }
    else:
        body["response"] = None
    body["metadata"] = _metadata(operation, phase)
    body["name"] = operation.name
    if fault == "cancelled-without-done" and phase == CANCELLED:
        del body["done"]
    if fault == "completed-without-result" and phase == SUCCEEDED and operation.cancel_requested:
        del body["response"]
    # Fault `metadata-untyped`: metadata without the `@type` every google.protobuf.Any carries.
    if fault == "metadata-untyped":
        body["metadata"] = {"progressPercent": 100 if phase != RUNNING else 50}
    # Fault `cancelled-details-untyped`: a detail without `@type` in a cancelled operation's error.
    if fault == "cancelled-details-untyped" and phase == CANCELLED:
        body["error"]["details"] = [{"reason": "CANCELLED_BY_USER", "domain": "googleapis.com"}]
    # Fault `despite-renamed`: an operation that completed despite a cancel answers another name.
    if fault == "despite-renamed" and phase == SUCCEEDED and operation.cancel_requested:
        body["name"] = operation.name + "-result"
    return body


def _metadata(operation: Operation, phase: str) -> dict[str, Any] | None:
    service = operation.service.id
    end = {"endTime": operation.end_time} if phase != RUNNING and operation.end_time else {}
    if service == "dai":
        return None
    if service == "adsdatahub":
        return {
            "@type": TYPE + "google.ads.adsdatahub.v1.QueryMetadata",
            "queryResourceName": "customers/8123/analysisQueries/4f2d9c",
            "queryTitle": "independent conformance query",
            "customerId": "8123",
            "startTime": operation.create_time,
            **end,
        }
    if service == "admanager":
        return {
            "@type": TYPE + "google.ads.admanager.v1.RunReportMetadata",
            "percentComplete": 100 if phase == SUCCEEDED else 37,
            "report": "networks/21700000/reports/9001",
        }
    if service == "checks":
        return {
            "@type": TYPE + "google.checks.report.v1alpha.AnalyzeUploadMetadata",
            "state": {RUNNING: "RUNNING", SUCCEEDED: "SUCCEEDED"}.get(phase, "FAILED"),
            "createTime": operation.create_time,
        }
    return {
        "@type": TYPE + "google.cloud.datafusion.v1.OperationMetadata",
        "createTime": operation.create_time,
        **end,
        "target": "projects/independent-python/locations/us-central1/instances/indie",
        "verb": "create",
        # Data Fusion's OperationMetadata says whether cancellation was requested.
        "requestedCancellation": operation.cancel_requested,
        "apiVersion": "v1",
    }


def _response(operation: Operation) -> dict[str, Any]:
    service = operation.service.id
    if service == "dai":
        return {"@type": TYPE + "google.protobuf.Empty", "value": {}}
    if service == "adsdatahub":
        return {
            "@type": TYPE + "google.ads.adsdatahub.v1.QueryResponse",
            "destTable": "indie_project.adh_results.conformance",
        }
    if service == "admanager":
        return {
            "@type": TYPE + "google.ads.admanager.v1.RunReportResponse",
            "reportResult": "networks/21700000/reports/9001/results/1",
        }
    if service == "checks":
        return {
            "@type": TYPE + "google.checks.report.v1alpha.Report",
            "name": "accounts/4815162342/apps/42/reports/" + operation.name.rsplit("/", 1)[-1],
            "resultsUri": "https://checks.google.com/console/dashboard",
        }
    return {
        "@type": TYPE + "google.cloud.datafusion.v1.Instance",
        "name": "projects/independent-python/locations/us-central1/instances/indie",
        "state": "RUNNING",
        "type": "BASIC",
    }


def fake_running_json(name: str) -> dict[str, Any]:
    """Fault `unknown-name-200`: what it makes up for a name nobody minted."""
    return {"name": name, "metadata": None}


__all__ = ["operation_json", "fake_running_json", "FAILED_CODES", "CANCELLED"]
