/** At most `size` holders at once; the rest wait in arrival order. */
export function createSemaphore(size: number): { acquire(): Promise<() => void> } {
  let held = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else held -= 1;
  };
  return {
    acquire: () =>
      new Promise((resolve) => {
        if (held < size) {
          held += 1;
          resolve(release);
        } else waiting.push(() => resolve(release));
      }),
  };
}
