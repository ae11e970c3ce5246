/**
 * A recording cannot be written or read: an unreadable or malformed HAR file, a parent that does
 * not fit its service. A usage or configuration problem, reported as one line (exit 2).
 */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

export function isRecordingError(error: unknown): error is RecordingError {
  return error instanceof RecordingError;
}
