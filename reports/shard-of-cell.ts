/**
 * Which share of a sharded run (`--shard index/count`) checks one service × clause cell: a stable
 * hash, so every shard of every run agrees without talking to the others, and a cell stays in
 * its shard when other clauses are added. FNV-1a, 32 bits (http://www.isthe.com/chongo/tech/comp/fnv/),
 * over the UTF-8 bytes of `service\nclause`, modulo count, plus one.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** The shard (1 … count) that runs this cell. */
export function shardOfCell(service: string, clause: string, count: number): number {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`a shard count is a whole number of at least 1, not ${count}`);
  }
  return (fnv1a32(`${service}\n${clause}`) % count) + 1;
}
