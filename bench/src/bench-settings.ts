import type { ArrivalPlan } from './measure/completion-delay';
import type { RoundPlan } from './measure/rounds';

/** How much of everything a bench run does. */
export interface BenchSettings {
  readonly quick: boolean;
  readonly completion: {
    readonly arrivals: ArrivalPlan;
    /** The scenario as specified: every job takes this long. */
    readonly jobMs: number;
    /** A second pass with durations spread over this range (seeded, the same for everyone), so poll intervals do not divide them. */
    readonly spreadMs: readonly [number, number];
    readonly rounds: RoundPlan;
  };
  readonly overhead: { readonly jobs: number; readonly concurrency: number; readonly rounds: RoundPlan };
  readonly concurrency: { readonly jobs: number; readonly jobMs: number; readonly rounds: RoundPlan };
  /** When our dist packages are rebuilt before the scenarios run. */
  readonly rebuild: 'always' | 'when-stale';
  readonly coldStart: { readonly spawns: number };
  readonly codegen: { readonly runs: number };
}

/** The full bench: the scenario sizes the targets are stated for, five measured runs of each. */
export const FULL_SETTINGS: BenchSettings = {
  quick: false,
  completion: { arrivals: { jobs: 200, intervalMs: 10 }, jobMs: 2000, spreadMs: [2000, 3000], rounds: { warmupRounds: 1, measuredRounds: 5 } },
  overhead: { jobs: 2000, concurrency: 8, rounds: { warmupRounds: 1, measuredRounds: 5 } },
  concurrency: { jobs: 10_000, jobMs: 3000, rounds: { warmupRounds: 1, measuredRounds: 3 } },
  rebuild: 'always',
  coldStart: { spawns: 15 },
  codegen: { runs: 3 },
};

/**
 * A smoke run in about a minute: smaller scenarios, one measured run, no warm-up; our dist
 * packages are rebuilt only when their sources are newer. Its figures are indicative only.
 */
export const QUICK_SETTINGS: BenchSettings = {
  quick: true,
  completion: { arrivals: { jobs: 30, intervalMs: 10 }, jobMs: 2000, spreadMs: [2000, 3000], rounds: { warmupRounds: 0, measuredRounds: 1 } },
  overhead: { jobs: 300, concurrency: 8, rounds: { warmupRounds: 0, measuredRounds: 1 } },
  concurrency: { jobs: 500, jobMs: 3000, rounds: { warmupRounds: 0, measuredRounds: 1 } },
  rebuild: 'when-stale',
  coldStart: { spawns: 3 },
  codegen: { runs: 1 },
};
