import type { Measured } from '../measure/stats';

/** One contender's figure in a row: measured, or why it could not be. */
export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value?: Measured;
  readonly error?: string;
}

/** A baseline's figure with ours divided by it. */
export interface BaselineFigure extends Figure {
  /** ours / baseline (medians); absent when either side has no value. */
  readonly ratio?: number;
}

export interface TargetResult {
  readonly description: string;
  readonly met: boolean;
  /** The bound of an absolute target, in the row's unit. */
  readonly limit?: number;
}

/** One metric of one scenario: ours, every baseline, the target. */
export interface ResultRow {
  readonly scenario: string;
  readonly metric: string;
  readonly unit: Unit;
  readonly ours: Figure;
  readonly baselines: readonly BaselineFigure[];
  readonly target?: TargetResult;
  /** What the reader must know to read the row right (how it was measured, why a target is missed). */
  readonly note?: string;
}

export type Unit = 'ms' | 'requests' | 'bytes' | 'MB' | '%';

/** A target, checked against ours and the ratio of ours to a baseline. */
export interface Target {
  readonly description: string;
  /** The bound of an absolute target (e.g. 3.5 s), to say by how much it is missed. */
  readonly limit?: number;
  readonly isMet: (ours: Measured, ratioTo: (baselineId: string) => number | undefined) => boolean;
}

export interface RowInput {
  readonly scenario: string;
  readonly metric: string;
  readonly unit: Unit;
  readonly ours: Figure;
  readonly baselines: readonly Figure[];
  readonly target?: Target;
  readonly note?: string;
}

/** Builds a row: ratios of ours to each baseline, and whether the target is met. */
export function compareRow(input: RowInput): ResultRow {
  const ours = input.ours.value;
  const baselines = input.baselines.map((baseline): BaselineFigure =>
    ours !== undefined && baseline.value !== undefined && baseline.value.median !== 0 ? { ...baseline, ratio: ours.median / baseline.value.median } : baseline,
  );
  const ratioTo = (id: string) => baselines.find((baseline) => baseline.id === id)?.ratio;
  return {
    scenario: input.scenario,
    metric: input.metric,
    unit: input.unit,
    ours: input.ours,
    baselines,
    ...(input.target
      ? {
          target: {
            description: input.target.description,
            met: ours !== undefined && input.target.isMet(ours, ratioTo),
            ...(input.target.limit !== undefined ? { limit: input.target.limit } : {}),
          },
        }
      : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
}
