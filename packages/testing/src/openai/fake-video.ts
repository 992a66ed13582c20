import type { ScriptedJob } from '../common/scripted-job';
import { VIDEO_MODERATION_MESSAGE } from './openai-errors';

/** OpenAI's `VideoResource`: every key is always present, nullable ones as null. */
export interface VideoResource {
  readonly id: string;
  readonly object: 'video';
  readonly model: string;
  readonly status: 'queued' | 'in_progress' | 'completed' | 'failed';
  readonly progress: number;
  readonly created_at: number;
  readonly completed_at: number | null;
  readonly expires_at: number | null;
  readonly prompt: string | null;
  readonly size: string;
  readonly seconds: string;
  readonly remixed_from_video_id: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** What a create (or remix) asked for. */
export interface VideoRequest {
  readonly model: string;
  readonly prompt: string;
  readonly size: string;
  readonly seconds: string;
  readonly remixedFromVideoId: string | null;
  /** `{ image_url }` / `{ file_id }` from JSON, or the uploaded file part. */
  readonly inputReference: unknown;
}

/** How long generated assets stay downloadable [C: OpenAI documents no fixed figure]. */
const ASSET_LIFETIME_SECONDS = 24 * 3600;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** One Sora job on the fake server: its request, its scripted life, and its deletion. */
export class FakeVideo {
  readonly request: VideoRequest;
  readonly job: ScriptedJob;
  deletedAt: number | undefined;

  constructor(request: VideoRequest, job: ScriptedJob) {
    this.request = request;
    this.job = job;
  }

  get id(): string {
    return this.job.id;
  }

  /** The resource at `now`: queued → in_progress (progress by elapsed run time) → completed | failed. */
  resource(now: number = Date.now()): VideoResource {
    const state = this.job.snapshot(now);
    const base = {
      id: this.id,
      object: 'video' as const,
      model: this.request.model,
      created_at: seconds(this.job.submittedAt),
      prompt: this.request.prompt,
      size: this.request.size,
      seconds: this.request.seconds,
      remixed_from_video_id: this.request.remixedFromVideoId,
    };
    if (state.phase !== 'completed') {
      const runMs = this.job.script.runMs;
      const progress = state.phase === 'running' && runMs > 0 ? Math.min(99, Math.floor((100 * (now - this.job.startsAt)) / runMs)) : 0;
      return { ...base, status: state.phase === 'queued' ? 'queued' : 'in_progress', progress, completed_at: null, expires_at: null, error: null };
    }
    const completedAt = seconds(state.completedAt ?? now);
    const error = this.#error();
    if (error) return { ...base, status: 'failed', progress: 100, completed_at: completedAt, expires_at: null, error };
    return { ...base, status: 'completed', progress: 100, completed_at: completedAt, expires_at: completedAt + ASSET_LIFETIME_SECONDS, error: null };
  }

  #error(): VideoResource['error'] {
    const result = this.job.snapshot().result;
    switch (result?.kind) {
      case 'moderation':
        return { code: 'moderation_blocked', message: VIDEO_MODERATION_MESSAGE };
      case 'failure':
        return { code: result.failure.errorType ?? 'video_generation_failed', message: result.failure.error };
      case 'cancelled':
        return { code: 'cancelled', message: 'The video job was cancelled.' };
      default:
        return null;
    }
  }

  /** Width and height from `size` (`"1280x720"`). */
  get dimensions(): { readonly width: number; readonly height: number } {
    const [width, height] = this.request.size.split('x').map(Number);
    return { width: width ?? 720, height: height ?? 1280 };
  }
}
