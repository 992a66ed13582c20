import type { Contender } from '../contenders/video-client';
import type { ContenderSamples } from '../measure/rounds';
import { summarize } from '../measure/stats';
import type { Figure } from './result-row';

/** The figure of one metric of a contender: the median over its runs of `pick(sample)`. */
export function figureOf<S>(contender: Pick<Contender, 'id' | 'label'>, result: ContenderSamples<S> | undefined, pick: (sample: S) => number): Figure {
  const base = { id: contender.id, label: contender.label };
  if (result === undefined) return { ...base, error: 'not run' };
  if (result.error !== undefined) return { ...base, error: result.error };
  return { ...base, value: summarize(result.samples.map(pick)) };
}
