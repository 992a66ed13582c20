import type { VideoClient } from '../contenders/video-client';
import type { RemoteFakeServer } from '../fake-servers/server-host-client';
import { median, quantile } from './stats';

/** How the jobs of one run arrive: `jobs` submits, one every `intervalMs`. */
export interface ArrivalPlan {
  readonly jobs: number;
  readonly intervalMs: number;
}

/** What one run of a contender measured. */
export interface CompletionSample {
  /** Server completed the job → the caller had the result (ms): median and p99 over the run's jobs. */
  readonly delayMedianMs: number;
  readonly delayP99Ms: number;
  /** Requests the server recorded, per job. */
  readonly requestsPerJob: number;
  /** The most requests any one job cost. */
  readonly maxRequestsOfOneJob: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `plan.jobs` generations against `server`, and, from the server's side, how late each
 * caller had its result after the server completed the job, and what each job cost in
 * requests. Jobs are told apart by their prompt, which every contender sends as is.
 */
export async function measureCompletionDelay(client: VideoClient, server: RemoteFakeServer, plan: ArrivalPlan): Promise<CompletionSample> {
  const receivedAt = new Map<string, number>();
  const running: Promise<void>[] = [];
  const startedAt = Date.now();
  for (let index = 0; index < plan.jobs; index++) {
    await sleep(startedAt + index * plan.intervalMs - Date.now());
    const prompt = `A calm lake at sunrise, take ${index}`;
    running.push(client.generate(prompt).then(() => void receivedAt.set(prompt, Date.now())));
  }
  await Promise.all(running);

  const served = await server.jobs();
  const delays: number[] = [];
  for (const job of served) {
    const received = receivedAt.get(job.prompt);
    if (received === undefined || job.completedAt === undefined) continue;
    delays.push(received - job.completedAt);
  }
  if (delays.length !== plan.jobs || served.length !== plan.jobs) {
    throw new Error(`expected ${plan.jobs} completed jobs, the server has ${served.length} (${delays.length} matched)`);
  }
  return {
    delayMedianMs: median(delays),
    delayP99Ms: quantile(delays, 0.99),
    requestsPerJob: (await server.recordedRequests()) / plan.jobs,
    maxRequestsOfOneJob: Math.max(...served.map((job) => job.requests)),
  };
}
