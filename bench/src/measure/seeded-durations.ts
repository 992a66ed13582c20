/** Durations spread evenly at random over [minMs, maxMs), the same sequence for every seed. */
export function seededDurations(count: number, minMs: number, maxMs: number, seed: number): number[] {
  // mulberry32: tiny and deterministic, so every contender gets exactly the same jobs.
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.round(minMs + next() * (maxMs - minMs)));
}
