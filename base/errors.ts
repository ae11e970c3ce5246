/**
 * The one error base of lro-conformance. Every error the tool throws is an LroError: one of three
 * families, with a stable code. ERROR_CODES is the one table from code to family, and
 * EXIT_CODE_OF_FAMILY from family to exit code; the three front doors (the CLI, runConformance,
 * the Action) report every error by them (docs/INTERPRETING.md#exit-codes).
 *
 * A finding about a target is not an error of the tool: a FAIL is the clause runtime's
 * ConformanceFailure and never an LroError (schemathesis keeps core/failures.py beside
 * core/errors.py; msw has one InternalError; vitest node/errors.ts).
 */

/** Every applicable MUST cell passed. */
export const EXIT_CONFORMANT = 0;
/** A scored cell FAILed: the target contradicts its documentation. */
export const EXIT_NOT_CONFORMANT = 1;
/** What the user gave cannot be used: flags, options, files, modules, the Node.js version. */
export const EXIT_USAGE = 2;
/** The target or a document over the network could not be reached, or a scored check could not be carried out (ERROR). */
export const EXIT_HARNESS = 3;
/** Nothing failed, but a scored cell stayed INCONCLUSIVE: the run proves nothing either way. */
export const EXIT_NOT_VERIFIED = 4;
/** The run was interrupted (SIGINT/SIGTERM), as shells report 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/**
 * The families, and whose move it is. `usage`: fix the command, an option, a file or a module you
 * gave; a file you named that cannot be read or is invalid is yours to fix, whichever command
 * reads it. `unavailable`: something the command needs cannot be reached over the network (the
 * target, a Discovery document at a URL). `harness`: the tool, its data or a target's plumbing
 * failed; inside a run the cell is ERROR, never FAIL.
 */
export const EXIT_CODE_OF_FAMILY = {
  usage: EXIT_USAGE,
  unavailable: EXIT_HARNESS,
  harness: EXIT_HARNESS,
} as const;

export type ErrorFamily = keyof typeof EXIT_CODE_OF_FAMILY;

/** Every code an LroError carries, and its family. Codes are stable: scripts may match on them. */
export const ERROR_CODES = {
  /** A flag, option, argument or input value the command cannot use. */
  USAGE: 'usage',
  /**
   * A file or module the user named cannot be read or is not what it must be: a results file
   * (`diff`, `run --baseline`), shard reports (`merge`), an expectations file, a recording
   * (`replay:`), a Discovery document file (`drift --discovery S=FILE`), a handlers module.
   */
  INVALID_FILE: 'usage',
  /** The target or its control endpoint cannot be reached. */
  UNREACHABLE: 'unavailable',
  /** A Discovery document at a URL cannot be fetched, or what it answered cannot be used. */
  UNREADABLE: 'unavailable',
  /** The harness or a target's plumbing failed: no handler, a fixture, a control endpoint fault. */
  HARNESS: 'harness',
  /** Credentials could not be set up or used. */
  CREDENTIALS: 'harness',
  /** A live run reached `--max-requests` for a service. */
  REQUEST_BUDGET: 'harness',
  /** Transient answers (429, 503, 504) kept coming after the bounded retries: the target stays unavailable. */
  THROTTLED: 'harness',
  /** An answer's body was longer than the run reads (`--max-answer-bytes`): it could not be checked. */
  ANSWER_TOO_LARGE: 'harness',
  /** A replayed recording holds no answer to a request. */
  NOT_RECORDED: 'harness',
  /** Data the tool reads is broken: a service document, a path template, a schema, clause metadata. */
  DATA: 'harness',
  /** The reference implementation was configured or driven wrongly, or could not start. */
  REFERENCE: 'harness',
} as const satisfies Readonly<Record<string, ErrorFamily>>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes of one family. */
export type CodeOf<F extends ErrorFamily> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C] extends F ? C : never;
}[ErrorCode];

export interface LroErrorOptions<C extends ErrorCode = ErrorCode> extends ErrorOptions {
  readonly code?: C;
}

/**
 * Marks an LroError whichever copy of this module made it (a bundled worker, a second install):
 * `instanceof` alone would miss those.
 */
const BRAND = Symbol.for('lro-conformance.error');

/** The base of every error of the tool; its message is one line a person can act on. */
export class LroError extends Error {
  override readonly name: string = 'LroError';
  readonly code: ErrorCode;
  readonly [BRAND] = true;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  get family(): ErrorFamily {
    return ERROR_CODES[this.code];
  }

  get exitCode(): number {
    return EXIT_CODE_OF_FAMILY[this.family];
  }
}

export function isLroError(error: unknown): error is LroError {
  return (
    error instanceof Error &&
    (error as Partial<Record<typeof BRAND, unknown>>)[BRAND] === true &&
    Object.hasOwn(ERROR_CODES, (error as LroError).code)
  );
}

/** Whether `error` is an LroError of `family` (a harness fault, a usage mistake, …). */
export function isErrorOf(error: unknown, family: ErrorFamily): error is LroError {
  return isLroError(error) && error.family === family;
}

/** The user's input cannot be used (exit 2). */
export class UsageError extends LroError {
  override readonly name: string = 'UsageError';

  constructor(message: string, options: LroErrorOptions<CodeOf<'usage'>> = {}) {
    super(options.code ?? 'USAGE', message, options);
  }
}

/** Something the command needs cannot be reached or read (exit 3). */
export class UnavailableError extends LroError {
  override readonly name: string = 'UnavailableError';

  constructor(message: string, options: LroErrorOptions<CodeOf<'unavailable'>> = {}) {
    super(options.code ?? 'UNREADABLE', message, options);
  }
}

/**
 * A fault of the harness, its data or a target's plumbing (unreachable control endpoint, no
 * handler, broken service data): ERROR in a cell, never a conformance FAIL (exit 3).
 */
export class HarnessError extends LroError {
  override readonly name: string = 'HarnessError';

  constructor(message: string, options: LroErrorOptions<CodeOf<'harness'>> = {}) {
    super(options.code ?? 'HARNESS', message, options);
  }
}

/** Bad flags, unknown services or clauses, inconsistent options: exit 2. */
export function usageError(message: string, options?: ErrorOptions): UsageError {
  return new UsageError(message, options);
}

/**
 * A file or module the user named cannot be read or is invalid (INVALID_FILE, exit 2): one
 * family for every command that reads one, so a missing file never means two things.
 */
export function invalidFileError(message: string, options?: ErrorOptions): UsageError {
  return new UsageError(message, { ...options, code: 'INVALID_FILE' });
}

/**
 * The exit code a front door reports for anything thrown: an LroError's own, else 3 (an
 * unexpected failure is a fault of the tool, never a verdict about the target).
 */
export function exitCodeOfError(error: unknown): number {
  return isLroError(error) ? error.exitCode : EXIT_HARNESS;
}
