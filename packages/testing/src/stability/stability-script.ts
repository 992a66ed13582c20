import type { JobScript } from '../common/job-script';

/** The finish reasons of a Stability result. */
export const STABILITY_FINISH_REASONS = ['SUCCESS', 'CONTENT_FILTERED'] as const;

/** One of {@link STABILITY_FINISH_REASONS}; `CONTENT_FILTERED` means the output was blurred. */
export type StabilityFinishReason = (typeof STABILITY_FINISH_REASONS)[number];

/** What a successful Stability result reports, instead of the server's defaults. */
export interface StabilityOutputOverride {
  /** Default `SUCCESS`. */
  readonly finish_reason?: StabilityFinishReason;
  /** Default: the request's seed, or a random one when it asked for 0 (random). */
  readonly seed?: number;
}

/**
 * The script of one Stability request. An image generation answers after `queueMs + runMs`;
 * an image-to-video job answers 202 for that long. `outcome`: `success`, `moderation` (403
 * `content_moderation`) or a failure (its `httpStatus`, default 500, in Stability's error
 * envelope, `errorType` as the `name`). `output` sets the finish reason and seed of a success.
 */
export type StabilityJobScript = Omit<JobScript, 'output'> & { readonly output?: StabilityOutputOverride };

/** Checks a script's `output` (the shared script checks the rest). */
export function checkStabilityOutput(output: StabilityOutputOverride | undefined): void {
  if (output === undefined) return;
  if (typeof output !== 'object' || output === null) throw new TypeError(`script output must be { finish_reason?, seed? }; got ${JSON.stringify(output)}.`);
  const { finish_reason: finishReason, seed } = output;
  if (finishReason !== undefined && !STABILITY_FINISH_REASONS.includes(finishReason)) {
    throw new RangeError(`script output.finish_reason must be "SUCCESS" or "CONTENT_FILTERED"; got ${JSON.stringify(finishReason)}.`);
  }
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_294)) {
    throw new RangeError(`script output.seed must be an integer from 0 to 4294967294; got ${String(seed)}.`);
  }
}
