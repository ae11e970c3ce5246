/**
 * Which clauses rest on which part of the operations surface, so each drift change names the
 * clauses it may affect. Written down here because a clause does not declare the methods it
 * calls; entries are clause-id prefixes, and a test checks that each still names a clause.
 */

export const SURFACE_PARTS = [
  /** The cancel binding: HTTP method, path, name pattern, scopes. */
  'cancel-route',
  /** What cancel accepts as a body (CancelOperationRequest). */
  'cancel-request',
  /** What a successful cancel answers (Empty). */
  'cancel-response',
  /** The get binding. */
  'get-route',
  /** The Operation and Status that get answers. */
  'operation-shape',
] as const;
export type SurfacePart = (typeof SURFACE_PARTS)[number];

/** Clauses that read operations back through GetOperation. */
const READS_OPERATIONS = [
  'get/',
  'cancel/cancellation-is-observed-through-get-operation',
  'cancel/cancelled-operation-',
  'cancel/completed-operation-is-unchanged-by-cancel',
  'cancel/operation-may-complete-despite-cancel',
  'cancel/repeated-cancel-keeps-the-state',
];

export const CLAUSE_RELIANCE: Readonly<Record<SurfacePart, readonly string[]>> = {
  'cancel-route': ['cancel/', 'errors/unknown-name-answers-not-found'],
  'cancel-request': ['cancel/accepts-', 'cancel/unknown-body-field-is-rejected'],
  'cancel-response': ['cancel/success-body-'],
  'get-route': [...READS_OPERATIONS, 'errors/'],
  'operation-shape': READS_OPERATIONS,
};

/** The ids among `clauseIds` that rest on `part`, in their given order. */
export function clausesRelyingOn(part: SurfacePart | undefined, clauseIds: readonly string[]) {
  if (part === undefined) return [];
  const prefixes = CLAUSE_RELIANCE[part];
  return clauseIds.filter((id) => prefixes.some((prefix) => id.startsWith(prefix)));
}
