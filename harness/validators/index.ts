/**
 * Validators for the google.longrunning / google.rpc JSON bodies the operations surface returns.
 * Every validator returns `readonly Violation[]`, empty when the body is valid; a fault of the
 * validators themselves throws a HarnessError coded DATA (base/errors.ts).
 */
export { validateErrorEnvelope } from './envelope-rules.ts';
export { errorEnvelopeHasErrorInfo } from './error-info-rule.ts';
export { validateOperation } from './operation-rules.ts';
export { sameJson, withoutNulls } from './proto3-json.ts';
export { VALIDATION_RULES } from './rules.ts';
export { validateEmpty } from './schema-violations.ts';
export { validateStatus } from './status-rules.ts';
export { formatViolations, splitUnknownFields, type Violation } from './violation.ts';
