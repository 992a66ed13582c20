import * as z from 'zod/mini';
import type { JsonObject } from './json-value';

/** What a job produces. */
export type Modality = 'video' | 'image';

/**
 * A started provider job, as plain JSON: store it, send it to another process, and resume or
 * cancel the job from there. It holds no secret.
 */
export interface JobHandle {
  /** Handle format version. */
  readonly version: 1;
  readonly provider: string;
  readonly model: string;
  readonly modality: Modality;
  /** The provider's request / job id. */
  readonly requestId: string;
  /** ISO 8601 UTC time the provider accepted the job. */
  readonly createdAt: string;
  /** Provider-specific data needed to poll, fetch and cancel (URLs, operation names…). */
  readonly data: JsonObject;
  /** Warnings produced when the request was mapped; returned again with the result. */
  readonly warnings: readonly string[];
  /** True for a mock-mode job. */
  readonly mock?: boolean;
}

const jsonValueSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

/** Zod schema for {@link JobHandle}; `resumeVideo` and friends check handles with it. */
export const jobHandleSchema = z.object({
  version: z.literal(1),
  provider: z.string().check(z.minLength(1)),
  model: z.string().check(z.minLength(1)),
  modality: z.enum(['video', 'image']),
  requestId: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  data: z.record(z.string(), jsonValueSchema),
  warnings: z.array(z.string()),
  mock: z.optional(z.boolean()),
});
