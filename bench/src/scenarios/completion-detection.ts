import type { BenchSettings } from '../bench-settings';
import type { Contender } from '../contenders/video-client';
import type { FakeProvider } from '../fake-servers/server-host-protocol';
import type { ServerHost } from '../fake-servers/server-host-client';
import { measureCompletionDelay, type CompletionSample } from '../measure/completion-delay';
import { runRounds } from '../measure/rounds';
import { seededDurations } from '../measure/seeded-durations';
import { figureOf } from '../report/figures';
import { compareRow, type ResultRow, type Target } from '../report/result-row';

/** A completion-detection scenario: ours and its baselines against one provider's fake server. */
export interface CompletionScenario {
  readonly title: string;
  readonly provider: FakeProvider;
  readonly ours: Contender;
  readonly baselines: readonly Contender[];
  /** How each baseline detects completion, for the reader of the table. */
  readonly note: string;
}

/** One set of job durations every contender runs. */
interface DurationPass {
  readonly label: string;
  readonly runMs: number | readonly number[];
  /** Targets apply to the scenario as specified, not to the extra pass. */
  readonly withTargets: boolean;
}

const SPREAD_SEED = 20_261_121;

function spreadLabel(settings: BenchSettings['completion']): string {
  const [min, max] = settings.spreadMs;
  return `${min / 1000}–${max / 1000} s jobs`;
}

/**
 * Jobs arriving one every `intervalMs`; every contender runs the same arrivals against a fresh
 * server with the same job durations. Reports requests per job and the delay between the
 * server completing a job and the caller having it. It runs twice: with every job taking
 * `jobMs` (as specified), and with durations spread over `spreadMs`, because a fixed 2 s is a
 * multiple of the baselines' poll intervals (500 ms, 2 s) and so flatters polling.
 */
export async function runCompletionScenario(
  scenario: CompletionScenario,
  host: ServerHost,
  settings: BenchSettings['completion'],
  log: (line: string) => void,
): Promise<ResultRow[]> {
  const [spreadMin, spreadMax] = settings.spreadMs;
  const passes: DurationPass[] = [
    { label: `${settings.jobMs / 1000} s jobs`, runMs: settings.jobMs, withTargets: true },
    { label: spreadLabel(settings), runMs: seededDurations(settings.arrivals.jobs, spreadMin, spreadMax, SPREAD_SEED), withTargets: false },
  ];
  const rows: ResultRow[] = [];
  for (const pass of passes) rows.push(...(await runPass(scenario, pass, host, settings, log)));
  return rows;
}

async function runPass(scenario: CompletionScenario, pass: DurationPass, host: ServerHost, settings: BenchSettings['completion'], log: (line: string) => void): Promise<ResultRow[]> {
  const contenders = [scenario.ours, ...scenario.baselines];
  const results = await runRounds(
    contenders,
    settings.rounds,
    async (contender): Promise<CompletionSample> => {
      const server = await host.startServer({ provider: scenario.provider, queueMs: 0, runMs: pass.runMs, recordRequests: true });
      try {
        return await measureCompletionDelay(contender.connect(server), server, settings.arrivals);
      } finally {
        await server.close();
      }
    },
    (contender, note) => log(`${scenario.title} (${pass.label}) · ${contender.label}: ${note}`),
    (sample) => `delay median ${sample.delayMedianMs} ms, p99 ${sample.delayP99Ms} ms, ${sample.requestsPerJob.toFixed(2)} requests/job`,
  );
  const row = (metric: string, unit: 'ms' | 'requests', pick: (sample: CompletionSample) => number, target: Target | undefined) =>
    compareRow({
      scenario: scenario.title,
      metric: `${metric} (${settings.arrivals.jobs} × ${pass.label})`,
      unit,
      ours: figureOf(scenario.ours, results.get(scenario.ours), pick),
      baselines: scenario.baselines.map((baseline) => figureOf(baseline, results.get(baseline), pick)),
      ...(target && pass.withTargets ? { target } : {}),
      note:
        `${scenario.note} Jobs arrive one every ${settings.arrivals.intervalMs} ms; the delay is the caller's Date.now() when it has the result minus the job's completion time on the server's clock (same machine, 1 ms resolution). The targets apply to the ${settings.jobMs / 1000} s jobs as specified; ` +
        `the ${spreadLabel(settings)} rows run the same with durations spread over that range (seeded, the same for everyone), because ${settings.jobMs / 1000} s is a multiple of the baselines' poll intervals (500 ms, 2 s), which flatters polling.`,
    });
  return [
    row('HTTP requests per job', 'requests', (sample) => sample.requestsPerJob, { description: '≤ 3', limit: 3, isMet: (ours) => ours.median <= 3 }),
    row('server completed → caller has result, median', 'ms', (sample) => sample.delayMedianMs, { description: '< 20 ms', limit: 20, isMet: (ours) => ours.median < 20 }),
    row('server completed → caller has result, p99', 'ms', (sample) => sample.delayP99Ms, undefined),
  ];
}
