import { performance } from 'node:perf_hooks';
import type { VideoClient } from '../contenders/video-client';

/** Wall time and this process's CPU time per job over one run. */
export interface ThroughputSample {
  readonly wallPerJobMs: number;
  readonly cpuPerJobMs: number;
}

/** Collects the garbage of earlier runs so that it is not charged to this one (needs --expose-gc). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs `jobs` generations, `concurrency` at a time, and measures the wall time and this
 * process's CPU time (user + system, `process.cpuUsage`) they took, per job.
 */
export async function measureThroughput(client: VideoClient, jobs: number, concurrency: number): Promise<ThroughputSample> {
  collectGarbage();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs) await client.generate(`A calm lake at sunrise, take ${next++}`);
  };
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallPerJobMs: wallMs / jobs, cpuPerJobMs: (cpu.user + cpu.system) / 1000 / jobs };
}
