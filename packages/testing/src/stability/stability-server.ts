import { randomBytes, randomInt } from 'node:crypto';
import { FakeServer, type FakeServerOptions, type RequestContext } from '../common/fake-server';
import { bytesReply, jsonReply, type HttpReply } from '../common/http-reply';
import { JobScriptQueue } from '../common/job-script-queue';
import type { JobFailure, ResolvedJobScript } from '../common/job-script';
import type { MultipartBody, MultipartFile } from '../common/multipart';
import { ScriptedJob, type JobSnapshot } from '../common/scripted-job';
import { readImageDimensions, type ImageDimensions } from './image-dimensions';
import { StabilityContract, type StabilityImageEndpoint } from './stability-contract';
import { STABILITY_MODERATION_MESSAGE, STABILITY_ERROR_NAMES, stabilityError, stabilityIssueLine } from './stability-errors';
import { STABILITY_ASPECT_RATIO_SIZES, StabilityMediaCache, STABILITY_OUTPUT_FORMATS, type StabilityServedMedia, type StabilityOutputFormat } from './stability-media';
import { StabilityRateLimiter, type StabilityRateLimit } from './stability-rate-limit';
import { checkStabilityOutput, type StabilityFinishReason, type StabilityJobScript, type StabilityOutputOverride } from './stability-script';

/** The key a fake Stability server accepts when created without `apiKeys`. */
export const FAKE_STABILITY_KEY = 'sk-fake-stability-key-0123456789';

/** The protocol phases of the fake Stability server (fault targets and recording labels). */
export const STABILITY_PHASES = ['generate', 'submit', 'result'] as const;

/** `generate`: an image generation; `submit`: an image-to-video start; `result`: its result poll. */
export type StabilityPhase = (typeof STABILITY_PHASES)[number];

/** Stability's request size limit. */
export const STABILITY_MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** First-frame sizes image-to-video accepts. */
export const STABILITY_IMAGE_TO_VIDEO_SIZES: readonly string[] = ['1024x576', '576x1024', '768x768'];

/** Settings of a {@link StabilityFakeServer}. */
export interface StabilityServerOptions extends FakeServerOptions {
  /** Keys accepted in `authorization: Bearer <key>` (default `[FAKE_STABILITY_KEY]`). */
  readonly apiKeys?: readonly string[];
  /**
   * The contracts root holding `stability/v2beta-subset.reconstructed.openapi.json`. With it,
   * bodies are validated against the stored (reconstructed) contract; without it only the
   * rules the contract cannot express are checked (file parts, image + strength, sizes).
   */
  readonly contractsDir?: string;
  /** Largest accepted request, answered 413 above it (default 10 MiB, as Stability). */
  readonly maxRequestBytes?: number;
  /** The emulated rate limit (default 150 requests / 10 s, then 60 s refused); `false` turns it off. */
  readonly rateLimit?: StabilityRateLimit | false;
  /** `retired` answers 404 to both image-to-video routes, as the real API may now do (default `available`). */
  readonly imageToVideo?: 'available' | 'retired';
  /** How long a finished video can be fetched (default 24 h). */
  readonly resultTtlMs?: number;
  /** The script of every request not scripted with {@link StabilityFakeServer.scriptNext}. */
  readonly defaultScript?: StabilityJobScript;
}

/** An image-to-video job, read back for assertions (its API key is never exposed). */
export interface StabilityVideoJobInfo {
  readonly id: string;
  readonly submittedAt: number;
  /** The multipart text fields it was started with. */
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
  readonly width: number;
  readonly height: number;
  readonly seed: number;
  readonly state: JobSnapshot;
  /** How many result polls it got. */
  readonly resultRequests: number;
}

interface VideoJob {
  readonly job: ScriptedJob;
  readonly apiKey: string;
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
  readonly first: ImageDimensions;
  readonly seed: number;
  readonly output: StabilityOutputOverride;
  resultRequests: number;
}

type Phase = StabilityPhase;
type Context = RequestContext<Phase>;

/** A refusal, or the admitted request's API key. */
type Admission = { readonly reply: HttpReply } | { readonly apiKey: string };

function firstField(body: MultipartBody, name: string): string | undefined {
  const value = body.fields[name];
  return Array.isArray(value) ? (value[0] as string | undefined) : (value as string | undefined);
}

function firstFile(body: MultipartBody, name: string): MultipartFile | undefined {
  const value = body.files[name];
  return Array.isArray(value) ? (value[0] as MultipartFile | undefined) : (value as MultipartFile | undefined);
}

/** `bytes` for `*\/*`, a missing header or one of `media`; `json` for `application/json`. */
function responseKind(accept: string | undefined, media: string): 'bytes' | 'json' | undefined {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('application/json')) return 'json';
  if (value === '' || value.includes('*/*') || value.includes(media.split('/')[0] as string)) return 'bytes';
  return undefined;
}

/** The seed a result reports: the scripted one, the request's, or a random one for 0 (random). */
function resultSeed(requested: string | undefined, output: StabilityOutputOverride): number {
  if (output.seed !== undefined) return output.seed;
  const seed = Number(requested ?? 0);
  return Number.isInteger(seed) && seed > 0 ? seed : randomInt(1, 4_294_967_295);
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * A fake of Stability AI's REST v2beta on 127.0.0.1 (`wire.md` §5): Stable Image generate
 * (`ultra`, `core`, `sd3`) answering raw PNG/JPEG/WebP bytes or JSON per `Accept`, and the
 * (possibly retired) image-to-video start and result poll. Bearer keys, multipart-only bodies,
 * the 10 MiB limit, validation against the stored contract, the rate limit with its timeout,
 * Stability's `{id, name, errors}` envelope, scripted outcomes and per-phase faults.
 *
 * No official Stability JS client exists to test against; the protocol follows the stored
 * contract and the official samples.
 *
 * @example
 * ```ts
 * const stability = await startStabilityServer({ contractsDir });
 * stability.scriptNext({ output: { finish_reason: 'CONTENT_FILTERED' } });
 * // POST multipart to `${stability.url}/v2beta/stable-image/generate/core` with
 * // `authorization: Bearer ${FAKE_STABILITY_KEY}`, then:
 * expect(stability.countRequests({ phase: 'generate' })).toBe(1);
 * await stability.close();
 * ```
 */
export class StabilityFakeServer extends FakeServer<Phase> {
  /** Scripts of upcoming requests (image generations and image-to-video starts share the queue). */
  readonly #scripts: JobScriptQueue;
  readonly #apiKeys: ReadonlySet<string>;
  readonly #contract: StabilityContract | undefined;
  readonly #maxRequestBytes: number;
  readonly #rateLimiter: StabilityRateLimiter | undefined;
  readonly #resultTtlMs: number;
  readonly #media = new StabilityMediaCache();
  readonly #videoJobs = new Map<string, VideoJob>();
  /** The `output` of each request scripted with `scriptNext`, in step with the script queue. */
  readonly #outputs: StabilityOutputOverride[] = [];
  #defaultOutput: StabilityOutputOverride;
  #imageToVideoRetired: boolean;

  constructor(options: StabilityServerOptions = {}) {
    const apiKeys = options.apiKeys ?? [FAKE_STABILITY_KEY];
    super(
      {
        name: 'stability',
        phases: STABILITY_PHASES,
        secrets: apiKeys,
        notFound: ({ method, path }) => stabilityError(404, [`${method} ${path}: no such route`]),
      },
      options,
    );
    if (apiKeys.length === 0 || apiKeys.some((key) => typeof key !== 'string' || key.trim() === '')) {
      throw new TypeError('apiKeys must be a non-empty list of non-empty strings.');
    }
    const maxRequestBytes = options.maxRequestBytes ?? STABILITY_MAX_REQUEST_BYTES;
    if (!Number.isInteger(maxRequestBytes) || maxRequestBytes < 1) throw new RangeError(`maxRequestBytes must be a positive integer; got ${String(options.maxRequestBytes)}.`);
    const imageToVideo = options.imageToVideo ?? 'available';
    if (imageToVideo !== 'available' && imageToVideo !== 'retired') throw new RangeError(`imageToVideo must be "available" or "retired"; got ${JSON.stringify(imageToVideo)}.`);
    const resultTtlMs = options.resultTtlMs ?? 24 * 60 * 60 * 1000;
    if (!(resultTtlMs > 0)) throw new RangeError(`resultTtlMs must be a number > 0; got ${String(options.resultTtlMs)}.`);
    const { output: defaultOutput = {}, ...defaultScript } = options.defaultScript ?? {};
    checkStabilityOutput(defaultOutput);
    this.#apiKeys = new Set(apiKeys);
    this.#contract = options.contractsDir === undefined ? undefined : new StabilityContract(options.contractsDir);
    this.#maxRequestBytes = maxRequestBytes;
    this.#rateLimiter = options.rateLimit === false ? undefined : new StabilityRateLimiter(options.rateLimit);
    this.#resultTtlMs = resultTtlMs;
    this.#imageToVideoRetired = imageToVideo === 'retired';
    this.#defaultOutput = defaultOutput;
    this.#scripts = new JobScriptQueue(defaultScript);

    for (const endpoint of ['ultra', 'core', 'sd3'] as const) {
      this.route('POST', `/v2beta/stable-image/generate/${endpoint}`, { phase: 'generate' }, (context) => this.#generate(context, endpoint));
    }
    this.route('POST', '/v2beta/image-to-video', { phase: 'submit' }, (context) => this.#startVideo(context));
    this.route('GET', '/v2beta/image-to-video/result/:id', { phase: 'result', jobIdParam: 'id' }, (context) => this.#videoResult(context));
  }

  /** Scripts the next `times` requests (default 1); see {@link StabilityJobScript}. */
  scriptNext(script: StabilityJobScript, times = 1): void {
    const { output = {}, ...shared } = script;
    checkStabilityOutput(output);
    this.#scripts.next(shared, times);
    for (let i = 0; i < times; i++) this.#outputs.push(output);
  }

  /** Replaces the default script. */
  setDefaultScript(script: StabilityJobScript): void {
    const { output = {}, ...shared } = script;
    checkStabilityOutput(output);
    this.#scripts.setDefault(shared);
    this.#defaultOutput = output;
  }

  /** Drops the scripts queued with {@link StabilityFakeServer.scriptNext} (the default stays). */
  clearScripts(): void {
    this.#scripts.clear();
    this.#outputs.length = 0;
  }

  /** Makes image-to-video answer 404 (retired) or work again. */
  setImageToVideoRetired(retired: boolean): void {
    this.#imageToVideoRetired = retired;
  }

  /** An image-to-video job, or undefined for an unknown id. */
  videoJob(id: string): StabilityVideoJobInfo | undefined {
    const job = this.#videoJobs.get(id);
    return job ? this.#info(job) : undefined;
  }

  /** Every image-to-video job, oldest first. */
  videoJobs(): StabilityVideoJobInfo[] {
    return [...this.#videoJobs.values()].map((job) => this.#info(job));
  }

  #info(job: VideoJob): StabilityVideoJobInfo {
    return {
      id: job.job.id,
      submittedAt: job.job.submittedAt,
      fields: job.fields,
      width: job.first.width,
      height: job.first.height,
      seed: job.seed,
      state: job.job.snapshot(),
      resultRequests: job.resultRequests,
    };
  }

  /** The next script and its `output` (queued outputs are taken in step with the queue). */
  #takeScript(): { readonly script: ResolvedJobScript; readonly output: StabilityOutputOverride } {
    const scripted = this.#scripts.pending > 0;
    const script = this.#scripts.take();
    const output = scripted ? (this.#outputs.shift() ?? {}) : this.#defaultOutput;
    return { script, output: { ...this.#defaultOutput, ...output } };
  }

  /** Auth, then the rate limit; POSTs must also be multipart and within the size limit. */
  #admit(context: Context): Admission {
    const header = context.header('authorization')?.trim() ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { reply: stabilityError(401, ['authorization: missing; send "authorization: Bearer <API key>"']) };
    const apiKey = match[1] as string;
    if (!this.#apiKeys.has(apiKey)) return { reply: stabilityError(401, ['authorization: the API key is not valid']) };
    const verdict = this.#rateLimiter?.admit(apiKey);
    if (verdict && !verdict.allowed) {
      const headers: Record<string, string> = this.#rateLimiter?.sendRetryAfter ? { 'retry-after': String(Math.ceil(verdict.retryAfterMs / 1000)) } : {};
      return { reply: stabilityError(429, [this.#rateLimiter?.message() ?? ''], undefined, headers) };
    }
    if (context.method === 'POST') {
      if (context.rawBody.byteLength > this.#maxRequestBytes) {
        return { reply: stabilityError(413, [`body: the request is ${context.rawBody.byteLength} bytes; the limit is ${this.#maxRequestBytes} bytes`]) };
      }
      if (context.body.kind !== 'multipart') {
        const got = context.header('content-type') ?? 'no content-type';
        return { reply: stabilityError(400, [`content-type: must be multipart/form-data; got ${got}`]) };
      }
    }
    return { apiKey };
  }

  /** Waits out a script's queue and run time (the request's "generation time"). */
  async #wait(script: ResolvedJobScript): Promise<void> {
    const ms = script.queueMs + script.runMs;
    if (ms > 0) await new Promise<void>((resolve) => this.schedule(resolve, ms));
  }

  async #generate(context: Context, endpoint: StabilityImageEndpoint): Promise<HttpReply> {
    const admission = this.#admit(context);
    if ('reply' in admission) return admission.reply;
    const kind = responseKind(context.header('accept'), 'image/*');
    if (!kind) return stabilityError(400, [`accept: must be "image/*" or "application/json"; got ${JSON.stringify(context.header('accept'))}`]);
    const body = (context.body as { readonly value: MultipartBody }).value;
    const lines = [...(this.#contract?.validateGenerate(endpoint, context.body) ?? []).map(stabilityIssueLine), ...imageRuleLines(endpoint, body)];
    if (lines.length > 0) return stabilityError(400, lines);

    const { script, output } = this.#takeScript();
    await this.#wait(script);
    const failure = outcomeReply(script);
    if (failure) return failure;
    const format = (firstField(body, 'output_format') ?? 'png') as StabilityOutputFormat;
    const [width, height] = outputSize(endpoint, body);
    const media = this.#media.image(STABILITY_OUTPUT_FORMATS.includes(format) ? format : 'png', width, height);
    return resultReply(kind, 'image', media, output.finish_reason ?? 'SUCCESS', resultSeed(firstField(body, 'seed'), output), { 'x-request-id': randomHex(16) });
  }

  #startVideo(context: Context): HttpReply {
    const admission = this.#admit(context);
    if ('reply' in admission) return admission.reply;
    if (this.#imageToVideoRetired) return retiredReply(context.path);
    const body = (context.body as { readonly value: MultipartBody }).value;
    const lines = (this.#contract?.validateImageToVideo(context.body) ?? []).map(stabilityIssueLine);
    const image = firstFile(body, 'image');
    const first = image ? readImageDimensions(image.bytes) : undefined;
    if (!image) {
      if (!lines.some((line) => line.startsWith('image:'))) lines.push('image: is required and must be a file part (jpeg or png)');
    } else if (!first || first.format === 'webp') {
      lines.push('image: must be a jpeg or png image');
    } else if (!STABILITY_IMAGE_TO_VIDEO_SIZES.includes(`${first.width}x${first.height}`)) {
      lines.push(`image: must be ${STABILITY_IMAGE_TO_VIDEO_SIZES.join(', ')} pixels; got ${first.width}x${first.height}`);
    }
    if (lines.length > 0 || !first) return stabilityError(400, lines);

    const { script, output } = this.#takeScript();
    const id = randomHex(32);
    this.#videoJobs.set(id, {
      job: new ScriptedJob(id, script),
      apiKey: admission.apiKey,
      fields: body.fields,
      first,
      seed: resultSeed(firstField(body, 'seed'), output),
      output,
      resultRequests: 0,
    });
    context.record.jobId = id;
    return jsonReply(200, { id });
  }

  #videoResult(context: Context): HttpReply {
    const admission = this.#admit(context);
    if ('reply' in admission) return admission.reply;
    if (this.#imageToVideoRetired) return retiredReply(context.path);
    const id = context.jobId ?? '';
    const job = this.#videoJobs.get(id);
    const now = Date.now();
    // Another key's job, or one past its retention, is indistinguishable from an unknown id.
    if (!job || job.apiKey !== admission.apiKey || now > job.job.completesAt + this.#resultTtlMs) {
      return stabilityError(404, [`id: no generation ${id} was found (unknown, expired, or started with another API key)`]);
    }
    job.resultRequests += 1;
    const kind = responseKind(context.header('accept'), 'video/*');
    if (!kind) return stabilityError(400, [`accept: must be "video/*" or "application/json"; got ${JSON.stringify(context.header('accept'))}`]);
    if (job.job.phaseAt(now) !== 'completed') return jsonReply(202, { id, status: 'in-progress' });
    const failure = outcomeReply(job.job.script);
    if (failure) return failure;
    const media = this.#media.video(job.first.width, job.first.height);
    return resultReply(kind, 'video', media, job.output.finish_reason ?? 'SUCCESS', job.seed, {});
  }
}

/** Rules of the generate endpoints that the contract cannot express. */
function imageRuleLines(endpoint: StabilityImageEndpoint, body: MultipartBody): string[] {
  const lines: string[] = [];
  const image = firstFile(body, 'image');
  if (firstField(body, 'image') !== undefined) lines.push('image: must be a file part, not a text field');
  if (image && !readImageDimensions(image.bytes)) lines.push('image: must be a jpeg, png or webp image');
  const strength = firstField(body, 'strength');
  if (endpoint === 'ultra' && image && strength === undefined) lines.push('strength: is required when image is provided');
  if (endpoint === 'sd3' && firstField(body, 'mode') === 'image-to-image') {
    if (!image) lines.push('image: is required when mode is image-to-image');
    if (strength === undefined) lines.push('strength: is required when mode is image-to-image');
  }
  return lines;
}

/** The output size: the input image's for image-to-image, else the aspect ratio's bucket. */
function outputSize(endpoint: StabilityImageEndpoint, body: MultipartBody): readonly [number, number] {
  const image = firstFile(body, 'image');
  const imageToImage = endpoint === 'ultra' || (endpoint === 'sd3' && firstField(body, 'mode') === 'image-to-image');
  const input = imageToImage && image ? readImageDimensions(image.bytes) : undefined;
  if (input) return [input.width, input.height];
  return STABILITY_ASPECT_RATIO_SIZES[firstField(body, 'aspect_ratio') ?? '1:1'] ?? [1024, 1024];
}

/** The reply of a scripted moderation or failure; undefined for a success. */
function outcomeReply(script: ResolvedJobScript): HttpReply | undefined {
  const { outcome } = script;
  if (outcome === 'success') return undefined;
  if (outcome === 'moderation') return stabilityError(403, [STABILITY_MODERATION_MESSAGE]);
  return failureReply(outcome);
}

function failureReply(failure: JobFailure): HttpReply {
  const status = failure.httpStatus ?? 500;
  if (failure.body !== undefined) return jsonReply(status, failure.body, failure.headers);
  return stabilityError(status, [failure.error], failure.errorType ?? STABILITY_ERROR_NAMES[status], failure.headers);
}

function retiredReply(path: string): HttpReply {
  return stabilityError(404, [`${path}: not found`]);
}

/**
 * A finished result: raw bytes with `finish-reason` and `seed` headers, or JSON
 * `{<image|video>: base64, seed, finish_reason}` typed `application/json; type=<media type>`.
 */
function resultReply(
  kind: 'bytes' | 'json',
  field: 'image' | 'video',
  media: StabilityServedMedia,
  finishReason: StabilityFinishReason,
  seed: number,
  headers: Readonly<Record<string, string>>,
): HttpReply {
  if (kind === 'bytes') return bytesReply(200, media.bytes, media.contentType, { ...headers, 'finish-reason': finishReason, seed: String(seed) });
  const body = { [field]: Buffer.from(media.bytes).toString('base64'), seed, finish_reason: finishReason };
  return jsonReply(200, body, { ...headers, 'content-type': `application/json; type=${media.contentType}` });
}

/** Starts a fake Stability server on 127.0.0.1. */
export async function startStabilityServer(options: StabilityServerOptions = {}): Promise<StabilityFakeServer> {
  const server = new StabilityFakeServer(options);
  await server.start();
  return server;
}
