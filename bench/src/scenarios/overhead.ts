import type { BenchSettings } from '../bench-settings';
import { rawFetchFal } from '../contenders/fal/raw-fetch-fal';
import { tarashFal } from '../contenders/fal/tarash-fal';
import type { ServerHost } from '../fake-servers/server-host-client';
import { runRounds } from '../measure/rounds';
import { measureThroughput, type ThroughputSample } from '../measure/throughput';
import { figureOf } from '../report/figures';
import { compareRow, type ResultRow } from '../report/result-row';

const TITLE = '2. Overhead (fal, instant jobs)';

/**
 * Jobs the fake fal server completes at once, so what is left is the client's own cost:
 * ours against a hand-written fetch sequence making the same three requests. The server runs
 * in its own process, so its CPU is not counted here.
 */
export async function runOverheadScenario(host: ServerHost, settings: BenchSettings['overhead'], log: (line: string) => void): Promise<ResultRow[]> {
  const contenders = [tarashFal, rawFetchFal];
  const results = await runRounds(
    contenders,
    settings.rounds,
    async (contender): Promise<ThroughputSample> => {
      const server = await host.startServer({ provider: 'fal', queueMs: 0, runMs: 0, recordRequests: false });
      try {
        return await measureThroughput(contender.connect(server), settings.jobs, settings.concurrency);
      } finally {
        await server.close();
      }
    },
    (contender, note) => log(`${TITLE} · ${contender.label}: ${note}`),
    (sample) => `wall ${sample.wallPerJobMs.toFixed(3)} ms/job, CPU ${sample.cpuPerJobMs.toFixed(3)} ms/job`,
  );
  const target = { description: '≤ 1.1× raw fetch', isMet: (_: unknown, ratioTo: (id: string) => number | undefined) => (ratioTo(rawFetchFal.id) ?? Infinity) <= 1.1 };
  const jobs = `${settings.jobs} jobs, ${settings.concurrency} at a time`;
  const note = 'Both make the same requests (submit, status stream, result) to a fake fal server in another process whose jobs complete at once.';
  return [
    compareRow({ scenario: TITLE, metric: `wall time per job (${jobs})`, unit: 'ms', ours: figureOf(tarashFal, results.get(tarashFal), (s) => s.wallPerJobMs), baselines: [figureOf(rawFetchFal, results.get(rawFetchFal), (s) => s.wallPerJobMs)], target, note }),
    compareRow({ scenario: TITLE, metric: `CPU time per job (${jobs})`, unit: 'ms', ours: figureOf(tarashFal, results.get(tarashFal), (s) => s.cpuPerJobMs), baselines: [figureOf(rawFetchFal, results.get(rawFetchFal), (s) => s.cpuPerJobMs)], target, note }),
  ];
}
