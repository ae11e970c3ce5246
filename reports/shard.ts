/**
 * Which shard of a sharded run (`--shard i/n`) a service × clause cell belongs to: a stable hash
 * (32-bit FNV-1a, http://www.isthe.com/chongo/tech/comp/fnv/) of `service\nclause`, so the same
 * cell always lands in the same shard whatever the other cells, and shard reports merge back
 * into exactly the unsharded run.
 */
export function shardOfCell(service: string, clause: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${service}\n${clause}`)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}
