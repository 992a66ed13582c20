import { randomBytes } from 'node:crypto';
import type { SampleMedia, SampleMediaCache } from '../common/media/sample-media';
import type { ResolvedJobScript } from '../common/job-script';
import { ScriptedJob, type JobResult } from '../common/scripted-job';
import type { GoogleApi } from './google-models';
import type { GooglePhase } from './google-phases';
import { GOOGLE_RPC_CODES, isGoogleRpcStatus } from './google-status';

/** How the Gemini API hands over finished videos. */
export type GoogleVideoDelivery =
  /** `video.uri`: a download URL on the fake origin that needs the API key (default). */
  | 'uri'
  /** `video.encodedVideo` (base64) with `video.encoding`. */
  | 'inline';

/** `response["@type"]` of a finished Gemini API operation [C: exact string]. */
export const PREDICT_LONG_RUNNING_RESPONSE = 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse';

/** `response["@type"]` of a finished Vertex AI operation [C]. */
export const VERTEX_VIDEO_RESPONSE = 'type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse';

/** The text of a safety-filtered Veo generation [C: an example of Google's wording]. */
export const RAI_FILTERED_REASON =
  'Your prompt could not be submitted because it may violate our usage guidelines. You have not been charged. Support code: 58061214';

/** A Google-style lower-case alphanumeric id (operations, files). */
export function googleId(): string {
  return BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36).padStart(12, '0').slice(-12);
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a {@link VeoOperation} is made of. */
export interface VeoOperationInit {
  /** The full operation name the client polls. */
  readonly name: string;
  readonly id: string;
  readonly model: string;
  readonly api: GoogleApi;
  /** API version the job was submitted on (download URLs use it). */
  readonly version: string;
  /** The submitted body. */
  readonly request: JsonObject;
  readonly script: ResolvedJobScript;
  readonly mediaCache: SampleMediaCache;
}

/** One Veo generation, as the fake server keeps it: a scripted job and its videos. */
export class VeoOperation {
  readonly name: string;
  readonly id: string;
  readonly model: string;
  readonly api: GoogleApi;
  readonly version: string;
  readonly request: JsonObject;
  readonly job: ScriptedJob;
  /** Requests about this operation, per phase (submit is 1). */
  readonly requestCounts: Record<GooglePhase, number> = { submit: 1, operation: 0, download: 0, storage: 0, predict: 0, generate: 0 };
  /** File ids of the videos, one per sample, for download URLs. */
  readonly fileIds: readonly string[];
  readonly #mediaCache: SampleMediaCache;

  constructor(init: VeoOperationInit) {
    this.name = init.name;
    this.id = init.id;
    this.model = init.model;
    this.api = init.api;
    this.version = init.version;
    this.request = init.request;
    this.job = new ScriptedJob(init.id, init.script);
    this.#mediaCache = init.mediaCache;
    this.fileIds = Array.from({ length: this.sampleCount }, () => googleId());
  }

  get parameters(): JsonObject {
    return isObject(this.request.parameters) ? this.request.parameters : {};
  }

  /** Videos asked for (`parameters.sampleCount`, default 1). */
  get sampleCount(): number {
    const count = this.parameters.sampleCount;
    return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 1;
  }

  /** The video of every sample (`parameters.durationSeconds`, default 8 s). */
  get video(): SampleMedia {
    const duration = this.parameters.durationSeconds;
    return this.#mediaCache.get({ kind: 'video', durationSeconds: typeof duration === 'number' && duration > 0 ? duration : 8 });
  }

  /** The operation JSON now: `{name}` while running, then `done` with a response or an error. */
  render(origin: string, delivery: GoogleVideoDelivery): JsonObject {
    const snapshot = this.job.snapshot();
    if (snapshot.phase !== 'completed' || !snapshot.result) return { name: this.name };
    if (this.job.script.output !== undefined && snapshot.result.kind === 'success') return { name: this.name, done: true, response: this.job.script.output };
    return { name: this.name, done: true, ...this.#outcome(snapshot.result, origin, delivery) };
  }

  #outcome(result: JobResult, origin: string, delivery: GoogleVideoDelivery): JsonObject {
    switch (result.kind) {
      case 'success':
        return { response: this.api === 'gemini' ? this.#geminiResponse(origin, delivery) : this.#vertexResponse() };
      case 'moderation': {
        const filtered = { raiMediaFilteredCount: this.sampleCount, raiMediaFilteredReasons: [RAI_FILTERED_REASON] };
        return { response: this.api === 'gemini' ? { '@type': PREDICT_LONG_RUNNING_RESPONSE, generateVideoResponse: filtered } : { '@type': VERTEX_VIDEO_RESPONSE, ...filtered } };
      }
      case 'failure': {
        const { failure } = result;
        if (failure.body !== undefined) return { error: failure.body };
        const status = isGoogleRpcStatus(failure.errorType) ? failure.errorType : 'INTERNAL';
        return { error: { code: GOOGLE_RPC_CODES[status], message: failure.error } };
      }
      case 'cancelled':
        return { error: { code: GOOGLE_RPC_CODES.CANCELLED, message: 'The operation was cancelled.' } };
    }
  }

  #geminiResponse(origin: string, delivery: GoogleVideoDelivery): JsonObject {
    const video = this.video;
    const generatedSamples = this.fileIds.map((fileId) =>
      delivery === 'inline'
        ? { video: { encodedVideo: Buffer.from(video.bytes).toString('base64'), encoding: video.contentType } }
        : { video: { uri: `${origin}/${this.version}/files/${fileId}:download?alt=media` } },
    );
    return { '@type': PREDICT_LONG_RUNNING_RESPONSE, generateVideoResponse: { generatedSamples } };
  }

  /** Vertex returns bytes, or Cloud Storage URIs under `parameters.storageUri` when given. */
  #vertexResponse(): JsonObject {
    const video = this.video;
    const storageUri = typeof this.parameters.storageUri === 'string' ? this.parameters.storageUri.replace(/\/+$/, '') : undefined;
    const videos = this.fileIds.map((_, index) =>
      storageUri
        ? { gcsUri: `${storageUri}/${this.id}/sample_${index}.mp4`, mimeType: video.contentType }
        : { bytesBase64Encoded: Buffer.from(video.bytes).toString('base64'), mimeType: video.contentType },
    );
    return { '@type': VERTEX_VIDEO_RESPONSE, videos };
  }
}
