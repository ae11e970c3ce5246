/**
 * The heartbeat of the worker thread that runs the suites, and the watchdog that listens to it
 * on the CLI's thread (run-suites.ts). A handlers module (`--target msw:`) runs in that worker,
 * and a handler in an endless loop kept it busy for ever: no timer of its own fires then (time
 * budgets, vitest's cancel), the run hung, and SIGINT and SIGTERM were ignored. Node can
 * terminate a busy worker from outside, never a busy main thread, so the worker beats on a
 * BroadcastChannel (which crosses threads, unlike vitest's own port, which is not ours to use),
 * and a silence longer than any the harness makes by itself means the worker is wedged.
 */

/** How often the worker beats. */
export const HEARTBEAT_INTERVAL_MS = 250;

/** Starts beating on `channelName`; neither the timer nor the channel keeps the worker alive. */
export function startHeartbeat(channelName: string): void {
  const channel = new BroadcastChannel(channelName);
  channel.unref();
  const beat = setInterval(() => channel.postMessage(0), HEARTBEAT_INTERVAL_MS);
  beat.unref();
  channel.postMessage(0);
}

export interface Watchdog {
  /** The longest silence so far, in milliseconds (for measurements). */
  readonly longestSilenceMs: number;
  stop(): void;
}

/**
 * Listens on `channelName` and calls `onSilence` once when, after the first beat, none comes for
 * `silenceMs`. Before the first beat the worker is starting up, which a run's own time covers.
 */
export function watchHeartbeat(
  channelName: string,
  silenceMs: number,
  onSilence: (silentForMs: number) => void,
): Watchdog {
  const channel = new BroadcastChannel(channelName);
  channel.unref();
  let lastBeat: number | undefined;
  let longest = 0;
  let fired = false;
  channel.onmessage = () => {
    const now = Date.now();
    if (lastBeat !== undefined) longest = Math.max(longest, now - lastBeat);
    lastBeat = now;
  };
  const check = setInterval(
    () => {
      if (lastBeat === undefined || fired) return;
      const silent = Date.now() - lastBeat;
      longest = Math.max(longest, silent);
      if (silent > silenceMs) {
        fired = true;
        onSilence(silent);
      }
    },
    Math.min(1_000, silenceMs / 4),
  );
  check.unref();
  return {
    get longestSilenceMs() {
      return longest;
    },
    stop() {
      clearInterval(check);
      channel.close();
    },
  };
}
