/**
 * A small driver for profiling the fal hot path with Node's own profilers, outside the full
 * bench: scenario 2's workload (instant jobs, a few at a time) or scenario 3's (many long jobs
 * in flight at once), against a fake fal server in another process.
 *
 *   node --expose-gc --import tsx bench/src/profile/fal-hot-path.ts overhead [jobs] [rounds] [contender ids…]
 *     medians of wall and CPU per job over `rounds` (after one warm-up round), contenders alternating
 *   node --expose-gc --import tsx bench/src/profile/fal-hot-path.ts in-flight <contender id> [jobs] [snapshot path]
 *     heap held per in-flight job: `jobs` jobs of 8 s started at once, heap measured after a GC
 *     while they all wait on the server (and written as a heap snapshot when a path is given)
 *
 * Add `--cpu-prof` or `--heap-prof` (Node flags, before `--import`) to write a profile of this
 * process; the fake server runs elsewhere and is not in it. Ours runs from the dist build
 * (`npx -y pnpm@10 --filter @tarash/core --filter @tarash/provider-fal build` first).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';
import { rawFetchFal } from '../contenders/fal/raw-fetch-fal';
import { tarashFal } from '../contenders/fal/tarash-fal';
import type { Contender } from '../contenders/video-client';
import { ServerHost } from '../fake-servers/server-host-client';
import { runRounds } from '../measure/rounds';
import { median } from '../measure/stats';
import { collectGarbage, measureThroughput } from '../measure/throughput';

/** How long each in-flight job runs on the server: long enough to start them all and measure. */
const IN_FLIGHT_JOB_MS = 8000;
/** When, after starting them, the in-flight jobs' heap is measured (all submitted and waiting). */
const IN_FLIGHT_MEASURE_AFTER_MS = 5000;

/** Scenario 2's contenders. */
const OVERHEAD_CONTENDERS: readonly Contender[] = [tarashFal, rawFetchFal];

function overheadContender(id: string): Contender {
  const contender = OVERHEAD_CONTENDERS.find((candidate) => candidate.id === id);
  if (!contender) throw new Error(`unknown contender ${JSON.stringify(id)}; known: ${OVERHEAD_CONTENDERS.map((c) => c.id).join(', ')}`);
  return contender;
}

async function overhead(host: ServerHost, jobs: number, rounds: number, ids: readonly string[]): Promise<void> {
  const contenders = ids.map(overheadContender);
  const results = await runRounds(
    contenders,
    { warmupRounds: 1, measuredRounds: rounds },
    async (contender) => {
      const server = await host.startServer({ provider: 'fal', queueMs: 0, runMs: 0, recordRequests: false });
      try {
        return await measureThroughput(contender.connect(server), jobs, 8);
      } finally {
        await server.close();
      }
    },
    (contender, note) => process.stderr.write(`${contender.id}: ${note}\n`),
    (sample) => `wall ${sample.wallPerJobMs.toFixed(3)} ms/job, CPU ${sample.cpuPerJobMs.toFixed(3)} ms/job`,
  );
  const medians = new Map(contenders.map((contender) => {
    const samples = results.get(contender)?.samples ?? [];
    return [contender.id, { wall: median(samples.map((s) => s.wallPerJobMs)), cpu: median(samples.map((s) => s.cpuPerJobMs)) }] as const;
  }));
  const baseline = medians.get(ids.at(-1) ?? '');
  for (const [id, { wall, cpu }] of medians) {
    const ratios = baseline && id !== ids.at(-1) ? ` (×${(wall / baseline.wall).toFixed(2)} wall, ×${(cpu / baseline.cpu).toFixed(2)} CPU vs ${ids.at(-1)})` : '';
    console.log(`${id}: median wall ${wall.toFixed(3)} ms/job, CPU ${cpu.toFixed(3)} ms/job${ratios}`);
  }
}

async function inFlight(host: ServerHost, id: string, jobs: number, snapshotPath: string | undefined): Promise<void> {
  // As in scenario 3's load client (whose contenders and dispatcher these are): one connection
  // per job at most. Imported here only: loading undici replaces fetch's global dispatcher,
  // which scenario 2 does not do.
  const { Agent, setGlobalDispatcher } = await import('undici');
  const { falContender } = await import('../contenders/fal/fal-contenders');
  setGlobalDispatcher(new Agent({ connections: jobs }));
  const server = await host.startServer({ provider: 'fal', queueMs: 0, runMs: IN_FLIGHT_JOB_MS, recordRequests: false });
  try {
    const client = falContender(id).connect(server);
    // One job first, so that lazily built state (schemas, the connection pool) is not counted per job.
    await host.startServer({ provider: 'fal', queueMs: 0, runMs: 0, recordRequests: false }).then(async (warm) => {
      await falContender(id).connect(warm).generate('warm-up');
      await warm.close();
    });
    collectGarbage();
    const before = process.memoryUsage();
    const running = Promise.all(Array.from({ length: jobs }, (_, index) => client.generate(`A calm lake at sunrise, take ${index}`)));
    await delay(IN_FLIGHT_MEASURE_AFTER_MS);
    collectGarbage();
    const during = process.memoryUsage();
    if (snapshotPath) writeHeapSnapshot(snapshotPath);
    await running;
    const perJobKB = (during.heapUsed - before.heapUsed) / jobs / 1024;
    console.log(`${id}: ${jobs} jobs in flight hold ${perJobKB.toFixed(2)} KB of heap each (RSS +${((during.rss - before.rss) / 1024 / 1024).toFixed(1)} MB)`);
  } finally {
    await server.close();
  }
}

const [mode = 'overhead', ...args] = process.argv.slice(2);
const host = await ServerHost.start();
try {
  if (mode === 'overhead') {
    const [jobs = '2000', rounds = '5', ...ids] = args;
    await overhead(host, Number(jobs), Number(rounds), ids.length > 0 ? ids : ['tarash', 'raw-fetch']);
  } else if (mode === 'in-flight') {
    const [id = 'tarash', jobs = '2000', snapshotPath] = args;
    await inFlight(host, id, Number(jobs), snapshotPath);
  } else {
    throw new Error(`unknown mode ${JSON.stringify(mode)}: overhead or in-flight`);
  }
} finally {
  await host.stop();
}
