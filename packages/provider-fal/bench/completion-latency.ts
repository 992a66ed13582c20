/**
 * Measures what the status stream buys: the time from "fal completed the job" (the fake
 * server's clock) to "the caller has the result", and the requests each job costs.
 *
 *   npx -y pnpm@10 --filter @tarash/provider-fal bench:latency [jobs] [concurrency]
 */
import { createGateway } from '@tarash/core';
import { FAKE_FAL_KEY, startFalServer } from '@tarash/testing/fal';
import { falProvider } from '../src/index';

const jobs = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 20);

const fal = await startFalServer({ recording: { maxRequests: 100_000 } });
const gateway = createGateway({ providers: [falProvider()] });
const config = { provider: 'fal', model: 'fal-ai/veo3.1', apiKey: FAKE_FAL_KEY, baseUrl: fal.url };

const latencies: number[] = [];
const requestsPerJob: number[] = [];
let next = 0;
async function worker(): Promise<void> {
  while (next < jobs) {
    next++;
    // A fixed output: the fake's sample-media encoding would otherwise be measured with the SDK.
    fal.scriptNext({ queueMs: 20 + Math.random() * 80, runMs: 50 + Math.random() * 200, logs: ['Loading model', 'Sampling'], output: { video: { url: 'https://v3.fal.media/files/video.mp4' } } });
    const response = await gateway.generateVideo(config, { prompt: 'A calm lake at sunrise' });
    const received = Date.now();
    const completedAt = fal.job(response.requestId)?.state.completedAt ?? Number.NaN;
    latencies.push(received - completedAt);
    requestsPerJob.push(fal.countRequests({ jobId: response.requestId }));
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
await fal.close();

const sorted = [...latencies].sort((a, b) => a - b);
const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(1);
console.log(`jobs ${jobs}, concurrency ${concurrency}`);
console.log(`server completed → caller has result (ms): median ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}`);
console.log(`requests per job: mean ${(requestsPerJob.reduce((a, b) => a + b, 0) / jobs).toFixed(2)}, max ${Math.max(...requestsPerJob)}`);
