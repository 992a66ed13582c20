/**
 * A fresh process that starts `jobs` generations at once with one fal contender and reports,
 * as one JSON line on stdout, the wall time until the last result, the peak growth of its
 * resident memory and the worst event-loop delay it saw.
 *
 *   node --expose-gc --import tsx load-client.ts <contender id> <server url> <api key> <jobs>
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Agent, setGlobalDispatcher } from 'undici';
import { falContender } from '../contenders/fal/fal-contenders';
import { collectGarbage } from './throughput';

/** What one load run measured. */
export interface LoadSample {
  readonly wallMs: number;
  readonly rssGrowthMB: number;
  readonly maxEventLoopLagMs: number;
}

/** How often resident memory is sampled for its peak. */
const RSS_SAMPLE_MS = 20;

async function main(): Promise<void> {
  const [id = '', url = '', apiKey = '', jobsArg = ''] = process.argv.slice(2);
  const jobs = Number(jobsArg);
  // One connection per job at most: by default fetch opens a second socket for a job whose
  // previous one is not yet back in the pool, and 2 × 10,000 sockets exceed the open-file limit.
  setGlobalDispatcher(new Agent({ connections: jobs }));
  const client = falContender(id).connect({ url, apiKey });

  collectGarbage();
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), RSS_SAMPLE_MS);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const startedAt = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: jobs }, (_, index) => client.generate(`A calm lake at sunrise, take ${index}`)));
  const wallMs = performance.now() - startedAt;
  lag.disable();
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());

  const failures = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failures.length > 0) {
    const reason = failures[0]?.reason;
    throw new Error(`${failures.length} of ${jobs} jobs failed; first: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
  const sample: LoadSample = { wallMs, rssGrowthMB: (rssPeak - rssBefore) / 1024 / 1024, maxEventLoopLagMs: lag.max / 1e6 };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

await main();
