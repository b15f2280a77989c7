/**
 * Processor time of a call in milliseconds. Tests that bound how long work takes measure this
 * rather than the wall clock, so that other test files running beside them on a busy machine
 * (CI runs two workers, a browser and a database) do not count against the work measured.
 */
export function withCpuMs<T>(fn: () => T): { result: T; ms: number } {
  const started = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1000 };
}

export const cpuMs = (fn: () => unknown): number => withCpuMs(fn).ms;

/** The least processor time of a few calls: the cost of the work without one-off pauses. */
export function bestCpuMs(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) best = Math.min(best, cpuMs(fn));
  return best;
}
