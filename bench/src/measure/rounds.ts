/** How often each contender runs: warm-up rounds are run and thrown away, for every contender alike. */
export interface RoundPlan {
  readonly warmupRounds: number;
  readonly measuredRounds: number;
}

/** The samples of one contender: one per measured round, or the error that stopped it. */
export type ContenderSamples<S> = { readonly samples: readonly S[]; readonly error?: undefined } | { readonly samples?: undefined; readonly error: string };

/**
 * Runs every contender once per round, rotating who goes first so that slow drifts of the
 * machine (other work, thermal) fall on all of them alike. A contender that throws is dropped
 * from later rounds and reported with its error.
 */
export async function runRounds<C, S>(
  contenders: readonly C[],
  plan: RoundPlan,
  runOnce: (contender: C) => Promise<S>,
  log: (contender: C, note: string) => void,
  describe: (sample: S) => string,
): Promise<Map<C, ContenderSamples<S>>> {
  const samples = new Map<C, S[]>(contenders.map((contender) => [contender, []]));
  const errors = new Map<C, string>();
  const rounds = plan.warmupRounds + plan.measuredRounds;
  for (let round = 0; round < rounds; round++) {
    const warmup = round < plan.warmupRounds;
    for (let index = 0; index < contenders.length; index++) {
      const contender = contenders[(index + round) % contenders.length] as C;
      if (errors.has(contender)) continue;
      try {
        const sample = await runOnce(contender);
        if (!warmup) samples.get(contender)?.push(sample);
        const which = warmup ? `warm-up ${round + 1}/${plan.warmupRounds}` : `run ${round - plan.warmupRounds + 1}/${plan.measuredRounds}`;
        log(contender, `${which}: ${describe(sample)}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.set(contender, message);
        log(contender, `failed: ${message}`);
      }
    }
  }
  return new Map(contenders.map((contender) => [contender, errors.has(contender) ? { error: errors.get(contender) as string } : { samples: samples.get(contender) ?? [] }]));
}
