import type { BenchSettings } from '../bench-settings';
import type { Contender } from '../contenders/video-client';
import type { FakeProvider } from '../fake-servers/server-host-protocol';
import type { ServerHost } from '../fake-servers/server-host-client';
import { measureCompletionDelay, type CompletionSample } from '../measure/completion-delay';
import { runRounds } from '../measure/rounds';
import { figureOf } from '../report/figures';
import { compareRow, type ResultRow } from '../report/result-row';

/** A completion-detection scenario: ours and its baselines against one provider's fake server. */
export interface CompletionScenario {
  readonly title: string;
  readonly provider: FakeProvider;
  readonly ours: Contender;
  readonly baselines: readonly Contender[];
  /** How each baseline detects completion, for the reader of the table. */
  readonly note: string;
}

/**
 * Jobs that each take `jobMs` on the fake server, arriving one every `intervalMs`; every
 * contender runs the same arrivals against a fresh server with the same script. Reports
 * requests per job and the delay between the server completing a job and the caller having it.
 */
export async function runCompletionScenario(
  scenario: CompletionScenario,
  host: ServerHost,
  settings: BenchSettings['completion'],
  log: (line: string) => void,
): Promise<ResultRow[]> {
  const contenders = [scenario.ours, ...scenario.baselines];
  const results = await runRounds(
    contenders,
    settings.rounds,
    async (contender): Promise<CompletionSample> => {
      const server = await host.startServer({ provider: scenario.provider, queueMs: 0, runMs: settings.jobMs, recordRequests: true });
      try {
        return await measureCompletionDelay(contender.connect(server.url), server, settings.arrivals);
      } finally {
        await server.close();
      }
    },
    (contender, note) => log(`${scenario.title} · ${contender.label}: ${note}`),
    (sample) => `delay median ${sample.delayMedianMs} ms, p99 ${sample.delayP99Ms} ms, ${sample.requestsPerJob.toFixed(2)} requests/job`,
  );
  const row = (metric: string, unit: 'ms' | 'requests', pick: (sample: CompletionSample) => number, target?: Parameters<typeof compareRow>[0]['target']) =>
    compareRow({
      scenario: scenario.title,
      metric,
      unit,
      ours: figureOf(scenario.ours, results.get(scenario.ours), pick),
      baselines: scenario.baselines.map((baseline) => figureOf(baseline, results.get(baseline), pick)),
      ...(target ? { target } : {}),
      note: scenario.note,
    });
  const jobs = `${settings.arrivals.jobs} jobs of ${settings.jobMs / 1000} s`;
  return [
    row(`HTTP requests per job (${jobs})`, 'requests', (sample) => sample.requestsPerJob, { description: '≤ 3', isMet: (ours) => ours.median <= 3 }),
    row('server completed → caller has result, median', 'ms', (sample) => sample.delayMedianMs, { description: '< 20 ms', isMet: (ours) => ours.median < 20 }),
    row('server completed → caller has result, p99', 'ms', (sample) => sample.delayP99Ms),
  ];
}
