/** The spread of a figure over repeated runs. */
export interface Spread {
  readonly min: number;
  readonly max: number;
}

/** A figure measured several times: its median, the runs it came from and their spread. */
export interface Measured {
  readonly median: number;
  readonly runs: number;
  readonly spread: Spread;
}

/** The value at quantile `q` (0..1) of `values`, by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Summarises one figure measured once per run. */
export function summarize(perRun: readonly number[]): Measured {
  return { median: median(perRun), runs: perRun.length, spread: { min: Math.min(...perRun), max: Math.max(...perRun) } };
}
