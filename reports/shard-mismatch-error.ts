/**
 * Shard reports that cannot be merged into one run: not shards, from different runs, missing,
 * duplicated or overlapping. The message names the shards at fault and how to fix it.
 */
import { ReportsError } from './reports-error.ts';

export class ShardMismatchError extends ReportsError {
  override readonly name = 'ShardMismatchError';
}

export function isShardMismatchError(error: unknown): error is ShardMismatchError {
  return error instanceof ShardMismatchError;
}
