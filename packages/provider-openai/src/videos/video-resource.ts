import { ContentModerationError, GenerationFailedError, type JobStatusSnapshot, type ProviderVideoResult } from '@tarash/core';
import { isModeration } from '../transport/openai-error';

/** OpenAI's `VideoResource` (every key present; nullable ones null). */
export interface VideoResource {
  readonly id: string;
  readonly object?: string;
  readonly model?: string;
  readonly status: 'queued' | 'in_progress' | 'completed' | 'failed' | (string & {});
  readonly progress?: number;
  readonly created_at?: number;
  readonly completed_at?: number | null;
  readonly expires_at?: number | null;
  readonly prompt?: string | null;
  readonly size?: string;
  readonly seconds?: string;
  readonly remixed_from_video_id?: string | null;
  readonly error?: { readonly code?: string; readonly message?: string } | null;
}

/** Whether a parsed body looks like a VideoResource (has an id and a status). */
export function isVideoResource(value: unknown): value is VideoResource {
  return typeof value === 'object' && value !== null && typeof (value as VideoResource).id === 'string' && typeof (value as VideoResource).status === 'string';
}

/**
 * A VideoResource as a job snapshot: `queued` → queued, `in_progress` → processing with
 * `progress` as `progressPercent`, `completed`, and `failed` with its `error` (moderation codes
 * → `ContentModerationError`, anything else → a retryable `GenerationFailedError`).
 */
export function videoSnapshot(resource: VideoResource, target: { readonly provider: string; readonly model: string }): JobStatusSnapshot<ProviderVideoResult> {
  const progressPercent = typeof resource.progress === 'number' ? Math.min(100, Math.max(0, resource.progress)) : undefined;
  switch (resource.status) {
    case 'queued':
      return { status: 'queued', rawResponse: resource };
    case 'completed':
      return { status: 'completed', progressPercent: 100, rawResponse: resource };
    case 'failed': {
      const common = { ...target, requestId: resource.id, phase: 'status' as const, rawResponse: resource };
      const reason = resource.error?.message ?? 'no reason given';
      const error = isModeration(resource.error)
        ? new ContentModerationError({ ...common, message: `${target.provider} blocked video ${resource.id}: ${reason} (${resource.error?.code})` })
        : new GenerationFailedError({
            ...common,
            message: `${target.provider} video ${resource.id} failed: ${reason}${resource.error?.code ? ` (${resource.error.code})` : ''}`,
            ...(resource.error?.code ? { providerErrorType: resource.error.code } : {}),
          });
      return { status: 'failed', error, rawResponse: resource };
    }
    default:
      // `in_progress`, and any status newer than this package: still running.
      return { status: 'processing', ...(progressPercent !== undefined ? { progressPercent } : {}), rawResponse: resource };
  }
}

/** `1280x720` → `16:9`, `1792x1024` → `7:4`. */
export function aspectRatioOf(size: string | undefined): string | undefined {
  const match = /^(\d+)x(\d+)$/.exec(size ?? '');
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const divisor = gcd(width, height);
  return `${width / divisor}:${height / divisor}`;
}
