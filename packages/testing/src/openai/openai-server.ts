import { randomBytes } from 'node:crypto';
import type { ContractIssue } from '../common/contracts/contract-issue';
import { FakeServer, type FakeServerOptions, type RequestContext } from '../common/fake-server';
import type { Fault } from '../common/faults';
import { bytesReply, jsonReply, type HttpReply } from '../common/http-reply';
import { JobScriptQueue } from '../common/job-script-queue';
import type { JobScript } from '../common/job-script';
import { SampleMediaCache } from '../common/media/sample-media';
import type { FileSummary, MultipartFile } from '../common/multipart';
import { ScriptedJob } from '../common/scripted-job';
import { FakeVideo, type VideoRequest, type VideoResource } from './fake-video';
import { ImageOutputBuilder } from './image-output';
import { checkImageParams, imageFamily, type ImageParams } from './image-rules';
import { checkAzureKey, checkBearer } from './openai-auth';
import { OpenAIContracts } from './openai-contracts';
import { IMAGE_MODERATION_MESSAGE, contractIssuesReply, invalidParamReply, openaiErrorBody, openaiErrorReply } from './openai-errors';
import { OPENAI_PHASES, type OpenAIPhase } from './openai-phases';
import { OpenAIResponseHeaders } from './openai-response-headers';
import { createSolidJpeg } from './solid-jpeg';
import { createSolidWebp } from './solid-webp';

/** The key a fake OpenAI server accepts in `Authorization: Bearer` when created without `apiKeys`. */
export const FAKE_OPENAI_KEY = 'sk-fake-openai-0123456789abcdef';

/** The key a fake server accepts in Azure's `api-key` header when created without `azureApiKeys`. */
export const FAKE_AZURE_OPENAI_KEY = 'fake-azure-openai-key-0123456789';

/** How the fake answers the Videos API: normally, or as if it were shut down (404 or 410). */
export type VideosApiState = 'available' | 404 | 410;

/** Settings of an {@link OpenAIFakeServer}. */
export interface OpenAIServerOptions extends FakeServerOptions {
  /** Keys accepted in `Authorization: Bearer <key>` (default `[FAKE_OPENAI_KEY]`). */
  readonly apiKeys?: readonly string[];
  /** Keys accepted in Azure's `api-key` header (default `[FAKE_AZURE_OPENAI_KEY]`). */
  readonly azureApiKeys?: readonly string[];
  /**
   * Azure deployment name → model id, for `/openai/deployments/{deployment}/…` routes. A
   * deployment not listed is taken to be named after its model (`gpt-image-1`).
   */
  readonly azureDeployments?: Readonly<Record<string, string>>;
  /**
   * The contracts root holding `openai/openapi.json`. With it, every request body is validated
   * against the operation's request schema (JSON and multipart); a violation is a 400
   * `invalid_request_error` with `param`.
   */
  readonly contractsDir?: string;
  /** The script of every video job not scripted with {@link OpenAIFakeServer.scriptNextVideo}. */
  readonly defaultVideoScript?: JobScript;
  /** The script (latency `runMs`, outcome) of every image request not scripted otherwise. */
  readonly defaultImageScript?: JobScript;
  /** Start with the Videos API shut down (default `available`). */
  readonly videosApi?: VideosApiState;
}

/** A video job as the fake sees it, for assertions. */
export interface FakeVideoInfo {
  readonly id: string;
  readonly request: VideoRequest;
  /** The resource a `GET /v1/videos/{id}` would return now. */
  readonly resource: VideoResource;
  readonly deleted: boolean;
  readonly submittedAt: number;
}

/** A request body the contract rejected (also answered with a 400). */
export interface ContractViolation {
  readonly method: string;
  readonly path: string;
  readonly issues: readonly ContractIssue[];
}

/** Where a route lives: api.openai.com, Azure's v1 API, or Azure's deployment API. */
type Flavor = { readonly kind: 'openai' } | { readonly kind: 'azure-v1' } | { readonly kind: 'azure-deployment' };

type Context = RequestContext<OpenAIPhase>;

const SPEC_SECONDS = ['4', '8', '12'];
/** Newer guide pages mention 16 and 20 s and 1080p for pro; not in the spec [C], accepted. */
const GUIDE_SECONDS = ['16', '20'];
const SIZES_ALL_SORA = ['720x1280', '1280x720'];
const SIZES_PRO_ONLY = ['1024x1792', '1792x1024', '1080x1920', '1920x1080'];
const CONTENT_VARIANTS = ['video', 'thumbnail', 'spritesheet'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

function fileList(value: MultipartFile | readonly MultipartFile[] | undefined): readonly MultipartFile[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as MultipartFile];
}

function summarize(file: MultipartFile): FileSummary {
  return { fileName: file.fileName, contentType: file.contentType, size: file.size };
}

/** A body's top-level fields, whether it came as JSON or multipart (file parts excluded). */
function fieldsOf(context: Context): Record<string, unknown> | undefined {
  const { body } = context;
  if (body.kind === 'empty') return {};
  if (body.kind === 'json') return isObject(body.value) ? body.value : undefined;
  if (body.kind === 'multipart') return Object.fromEntries(Object.entries(body.value.fields).map(([key, value]) => [key, firstString(value)]));
  return undefined;
}

function stringField(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value);
}

/**
 * A fake of OpenAI's Images API and (deprecated) Videos API on 127.0.0.1, following `wire.md`
 * §3, plus the Azure OpenAI routes (`/openai/deployments/{deployment}/images/*?api-version=`
 * and the v1 API under `/openai/v1/…`, with the `api-key` header).
 *
 * - Images: `POST /v1/images/generations` (JSON) and `/v1/images/edits` (multipart `image` /
 *   `image[]` / `mask`, or JSON). gpt-image models answer `b64_json` in `output_format` with
 *   `usage`; dall-e answers a `url` served from this origin (or `b64_json`). Per-model rules
 *   (sizes, `n`, quality, style, gpt-image-only parameters) give OpenAI-shaped 400s.
 * - Videos: create (JSON or multipart with an `input_reference` file), retrieve (queued →
 *   in_progress with progress → completed | failed), content (`video/mp4`, `thumbnail` as
 *   WebP), remix, delete, list, and a shut-down mode answering 404 or 410.
 * - Every response carries `x-request-id` and the `x-ratelimit-*` headers.
 *
 * @example
 * ```ts
 * const openai = await startOpenAIServer({ contractsDir });
 * openai.scriptNextVideo({ queueMs: 50, runMs: 200 });
 * // point your client at `${openai.url}/v1` with `Authorization: Bearer ${FAKE_OPENAI_KEY}`
 * expect(openai.countRequests({ phase: 'video-submit' })).toBe(1);
 * await openai.close();
 * ```
 */
export class OpenAIFakeServer extends FakeServer<OpenAIPhase> {
  /** Scripts of upcoming video jobs. */
  readonly videoScripts: JobScriptQueue;
  /** Scripts of upcoming image requests: `runMs` is the response latency, `outcome` the answer. */
  readonly imageScripts: JobScriptQueue;
  readonly #apiKeys: ReadonlySet<string>;
  readonly #azureKeys: ReadonlySet<string>;
  readonly #azureDeployments: Readonly<Record<string, string>>;
  readonly #contracts: OpenAIContracts | undefined;
  readonly #videos = new Map<string, FakeVideo>();
  readonly #images = new ImageOutputBuilder();
  readonly #videoMedia = new SampleMediaCache();
  readonly #headers = new OpenAIResponseHeaders();
  readonly #violations: ContractViolation[] = [];
  #videosApi: VideosApiState;

  constructor(options: OpenAIServerOptions = {}) {
    const apiKeys = options.apiKeys ?? [FAKE_OPENAI_KEY];
    const azureApiKeys = options.azureApiKeys ?? [FAKE_AZURE_OPENAI_KEY];
    super(
      {
        name: 'openai',
        phases: OPENAI_PHASES,
        secrets: [...apiKeys, ...azureApiKeys],
        notFound: ({ method, path }) => openaiErrorReply(404, { message: `Invalid URL (${method} ${path})` }),
      },
      options,
    );
    for (const [name, keys] of [['apiKeys', apiKeys], ['azureApiKeys', azureApiKeys]] as const) {
      if (keys.length === 0 || keys.some((key) => typeof key !== 'string' || key.trim() === '')) {
        throw new TypeError(`${name} must be a non-empty list of non-empty strings.`);
      }
    }
    this.#apiKeys = new Set(apiKeys);
    this.#azureKeys = new Set(azureApiKeys);
    this.#azureDeployments = options.azureDeployments ?? {};
    this.#contracts = options.contractsDir === undefined ? undefined : new OpenAIContracts(options.contractsDir);
    this.videoScripts = new JobScriptQueue(options.defaultVideoScript);
    this.imageScripts = new JobScriptQueue(options.defaultImageScript);
    this.#videosApi = 'available';
    this.shutDownVideos(options.videosApi ?? 'available');

    for (const [prefix, flavor] of [
      ['/v1', { kind: 'openai' }],
      ['/openai/v1', { kind: 'azure-v1' }],
    ] as const) {
      this.route('POST', `${prefix}/images/generations`, { phase: 'image-generate' }, (c) => this.#imagesRoute(c, flavor, 'generate'));
      this.route('POST', `${prefix}/images/edits`, { phase: 'image-edit' }, (c) => this.#imagesRoute(c, flavor, 'edit'));
      this.route('GET', `${prefix}/fake-media/images/:name`, { phase: 'image-media' }, (c) => this.#serveImage(c));
      this.route('POST', `${prefix}/videos`, { phase: 'video-submit' }, (c) => this.#video(c, flavor, () => this.#createVideo(c)));
      this.route('GET', `${prefix}/videos`, { phase: 'video-list' }, (c) => this.#video(c, flavor, () => this.#listVideos(c)));
      this.route('GET', `${prefix}/videos/:id`, { phase: 'video-status', jobIdParam: 'id' }, (c) => this.#video(c, flavor, () => this.#retrieveVideo(c)));
      this.route('DELETE', `${prefix}/videos/:id`, { phase: 'video-delete', jobIdParam: 'id' }, (c) => this.#video(c, flavor, () => this.#deleteVideo(c)));
      this.route('GET', `${prefix}/videos/:id/content`, { phase: 'video-content', jobIdParam: 'id' }, (c) => this.#video(c, flavor, () => this.#videoContent(c)));
      this.route('POST', `${prefix}/videos/:id/remix`, { phase: 'video-remix', jobIdParam: 'id' }, (c) => this.#video(c, flavor, () => this.#remixVideo(c)));
    }
    const deployment = { kind: 'azure-deployment' } as const;
    this.route('POST', '/openai/deployments/:deployment/images/generations', { phase: 'image-generate' }, (c) => this.#imagesRoute(c, deployment, 'generate'));
    this.route('POST', '/openai/deployments/:deployment/images/edits', { phase: 'image-edit' }, (c) => this.#imagesRoute(c, deployment, 'edit'));
  }

  /** Scripts the next `times` video jobs (default 1). */
  scriptNextVideo(script: JobScript, times = 1): void {
    this.videoScripts.next(script, times);
  }

  /** Scripts the next `times` image requests (default 1): `runMs` delays the answer, `outcome` decides it. */
  scriptNextImage(script: JobScript, times = 1): void {
    this.imageScripts.next(script, times);
  }

  /** Makes every Videos API route answer 404 (unknown URL) or 410 (gone), or restores it. */
  shutDownVideos(state: VideosApiState = 404): void {
    if (state !== 'available' && state !== 404 && state !== 410) {
      throw new RangeError(`videosApi must be "available", 404 or 410; got ${JSON.stringify(state)}.`);
    }
    this.#videosApi = state;
  }

  /** A video job, or undefined for an unknown id. */
  video(id: string): FakeVideoInfo | undefined {
    const video = this.#videos.get(id);
    return video ? this.#info(video) : undefined;
  }

  /** Every video job, oldest first. */
  videos(): FakeVideoInfo[] {
    return [...this.#videos.values()].map((video) => this.#info(video));
  }

  /** Whether request bodies are checked against the stored OpenAPI document. */
  get validatesContracts(): boolean {
    return this.#contracts !== undefined;
  }

  /** Request bodies the contract rejected so far (each was answered with a 400). */
  contractViolations(): ContractViolation[] {
    return [...this.#violations];
  }

  #info(video: FakeVideo): FakeVideoInfo {
    return { id: video.id, request: video.request, resource: video.resource(), deleted: video.deletedAt !== undefined, submittedAt: video.job.submittedAt };
  }

  /** Adds the OpenAI response headers to a reply. */
  #finish(reply: HttpReply, startedAt: number, tokens = 0): HttpReply {
    return { ...reply, headers: { ...this.#headers.next(OpenAIResponseHeaders.newRequestId(), startedAt, tokens), ...reply.headers } };
  }

  #authorize(context: Context, flavor: Flavor): HttpReply | undefined {
    return flavor.kind === 'openai' ? checkBearer(context.headers, this.#apiKeys) : checkAzureKey(context.headers, this.#azureKeys);
  }

  /** Contract check of the body against `apiPath`'s operation; the 400 when it does not fit. */
  #checkContract(context: Context, apiPath: string): HttpReply | undefined {
    if (!this.#contracts) return undefined;
    const issues = this.#contracts.validate(context.method, apiPath, context.body);
    if (issues.length === 0) return undefined;
    this.#violations.push({ method: context.method, path: context.path, issues });
    return contractIssuesReply(issues);
  }

  /** Waits out a scripted latency. */
  async #latency(ms: number): Promise<void> {
    if (ms > 0) await new Promise<void>((resolve) => this.schedule(resolve, ms));
  }

  async #imagesRoute(context: Context, flavor: Flavor, operation: 'generate' | 'edit'): Promise<HttpReply> {
    const startedAt = Date.now();
    const reply = await this.#answerImages(context, flavor, operation);
    const usage = isObject(reply.body) && isObject(reply.body.usage) ? Number(reply.body.usage.total_tokens) : 0;
    return this.#finish(reply, startedAt, usage);
  }

  async #answerImages(context: Context, flavor: Flavor, operation: 'generate' | 'edit'): Promise<HttpReply> {
    const denied = this.#authorize(context, flavor);
    if (denied) return denied;
    if (flavor.kind === 'azure-deployment' && !context.query.get('api-version')) {
      return jsonReply(404, { error: { code: '404', message: 'Resource not found' } });
    }
    const apiPath = operation === 'generate' ? '/images/generations' : '/images/edits';
    const invalid = this.#checkContract(context, apiPath);
    if (invalid) return invalid;
    const fields = fieldsOf(context);
    if (!fields) return openaiErrorReply(400, { message: 'The body must be a JSON object or multipart/form-data.' });
    const prompt = stringField(fields, 'prompt');
    if (!prompt) return invalidParamReply('prompt', "Missing required parameter: 'prompt'.", 'missing_required_parameter');
    const deployment = context.params.deployment;
    const model = stringField(fields, 'model') ?? (deployment ? (this.#azureDeployments[deployment] ?? deployment) : operation === 'generate' ? 'dall-e-2' : 'gpt-image-1.5');
    const family = imageFamily(model);
    if (!family) return invalidParamReply('model', `Invalid value for 'model': '${model}' is not an image model.`);
    const params: ImageParams = {
      model,
      n: Number(fields.n ?? 1),
      size: stringField(fields, 'size'),
      quality: stringField(fields, 'quality'),
      style: stringField(fields, 'style'),
      responseFormat: stringField(fields, 'response_format'),
      outputFormat: stringField(fields, 'output_format'),
      background: stringField(fields, 'background'),
    };
    if (!Number.isInteger(params.n) || params.n < 1 || params.n > 10) return invalidParamReply('n', `Invalid n: ${String(fields.n)}. It must be an integer from 1 to 10.`);
    const inputImages = operation === 'edit' ? this.#editInputs(context, family) : 0;
    if (typeof inputImages !== 'number') return inputImages;
    const rejected = checkImageParams(params, family);
    if (rejected) return rejected;

    const script = this.imageScripts.take();
    await this.#latency(script.runMs);
    const outcome = script.outcome;
    if (outcome === 'moderation') {
      return family === 'gpt-image'
        ? openaiErrorReply(400, { message: IMAGE_MODERATION_MESSAGE, type: 'image_generation_user_error', code: 'moderation_blocked' })
        : openaiErrorReply(400, { message: 'Your request was rejected as a result of our safety system.', code: 'content_policy_violation' });
    }
    if (outcome !== 'success') {
      return jsonReply(outcome.httpStatus ?? 500, outcome.body ?? openaiErrorBody({ message: outcome.error, type: 'server_error', code: outcome.errorType ?? null }), outcome.headers);
    }
    return jsonReply(200, script.output ?? this.#images.build(params, family, prompt, inputImages, `${context.origin}${flavor.kind === 'openai' ? '/v1' : '/openai/v1'}`));
  }

  /** Counts the input images of an edit, or the 400 refusing them. */
  #editInputs(context: Context, family: NonNullable<ReturnType<typeof imageFamily>>): number | HttpReply {
    const { body } = context;
    const count =
      body.kind === 'multipart'
        ? fileList(body.value.files.image).length + fileList(body.value.files['image[]']).length
        : body.kind === 'json' && isObject(body.value) && Array.isArray(body.value.images)
          ? body.value.images.length
          : 0;
    if (count === 0) return invalidParamReply('image', "Missing required parameter: 'image'.", 'missing_required_parameter');
    if (family === 'dall-e-3') return invalidParamReply('model', 'dall-e-3 does not support image edits.');
    if (family === 'dall-e-2' && count > 1) return invalidParamReply('image', 'dall-e-2 takes exactly one image to edit.');
    if (count > 16) return invalidParamReply('image', `At most 16 images can be edited at once; got ${count}.`);
    return count;
  }

  #serveImage(context: Context): HttpReply {
    const image = this.#images.served.get(context.params.name ?? '');
    if (!image) return jsonReply(404, '<Error><Code>BlobNotFound</Code></Error>', { 'content-type': 'application/xml' });
    return bytesReply(200, image.bytes, image.contentType);
  }

  /** Runs a Videos API handler: headers, the shut-down mode, then authentication. */
  #video(context: Context, flavor: Flavor, handle: () => HttpReply): HttpReply {
    const startedAt = Date.now();
    if (this.#videosApi !== 'available') {
      const gone =
        this.#videosApi === 410
          ? openaiErrorReply(410, { message: 'The Videos API has been shut down. Sora 2 video generation is no longer available.', code: 'api_shut_down' })
          : openaiErrorReply(404, { message: `Invalid URL (${context.method} ${context.path})` });
      return this.#finish(gone, startedAt);
    }
    return this.#finish(this.#authorize(context, flavor) ?? handle(), startedAt);
  }

  #notFound(id: string | undefined): HttpReply {
    return openaiErrorReply(404, { message: `Video with id '${String(id)}' not found.`, param: 'video_id', code: 'not_found' });
  }

  /** The live (not deleted) video a request is about. */
  #liveVideo(context: Context): FakeVideo | undefined {
    const video = this.#videos.get(context.jobId ?? '');
    return video && video.deletedAt === undefined ? video : undefined;
  }

  #createVideo(context: Context): HttpReply {
    const invalid = this.#checkContract(context, '/videos');
    if (invalid) return invalid;
    const fields = fieldsOf(context);
    if (!fields) return openaiErrorReply(400, { message: 'The body must be a JSON object or multipart/form-data.' });
    const prompt = stringField(fields, 'prompt');
    if (!prompt) return invalidParamReply('prompt', "Missing required parameter: 'prompt'.", 'missing_required_parameter');
    const model = stringField(fields, 'model') ?? 'sora-2';
    if (!model.startsWith('sora-')) return invalidParamReply('model', `Invalid value for 'model': '${model}' is not a video model.`);
    const seconds = stringField(fields, 'seconds') ?? '4';
    if (![...SPEC_SECONDS, ...GUIDE_SECONDS].includes(seconds)) {
      return invalidParamReply('seconds', `Invalid value for 'seconds': '${seconds}'. Supported values are ${SPEC_SECONDS.map((s) => `'${s}'`).join(', ')}.`);
    }
    const size = stringField(fields, 'size') ?? '720x1280';
    const pro = model.startsWith('sora-2-pro');
    const sizes = pro ? [...SIZES_ALL_SORA, ...SIZES_PRO_ONLY] : SIZES_ALL_SORA;
    if (!sizes.includes(size)) {
      return invalidParamReply('size', `Invalid value for 'size': '${size}' with ${model}. Supported values are ${sizes.map((s) => `'${s}'`).join(', ')}.`);
    }
    const { body } = context;
    const referenceFile = body.kind === 'multipart' ? fileList(body.value.files.input_reference)[0] : undefined;
    const video = this.#addVideo({
      model,
      prompt,
      size,
      seconds,
      remixedFromVideoId: null,
      inputReference: referenceFile ? summarize(referenceFile) : (fields.input_reference ?? null),
    });
    context.record.jobId = video.id;
    return jsonReply(200, video.resource(video.job.submittedAt));
  }

  #addVideo(request: VideoRequest): FakeVideo {
    const video = new FakeVideo(request, new ScriptedJob(`video_${randomBytes(12).toString('hex')}`, this.videoScripts.take()));
    this.#videos.set(video.id, video);
    return video;
  }

  #retrieveVideo(context: Context): HttpReply {
    const video = this.#liveVideo(context);
    return video ? jsonReply(200, video.resource()) : this.#notFound(context.jobId);
  }

  #videoContent(context: Context): HttpReply {
    const video = this.#liveVideo(context);
    if (!video) return this.#notFound(context.jobId);
    const variant = context.query.get('variant') ?? 'video';
    if (!CONTENT_VARIANTS.includes(variant)) {
      return invalidParamReply('variant', `Invalid value for 'variant': '${variant}'. Supported values are ${CONTENT_VARIANTS.map((v) => `'${v}'`).join(', ')}.`);
    }
    const resource = video.resource();
    // The real error for content that is not ready is undocumented [C]; any 4xx fits wire.md.
    if (resource.status !== 'completed') {
      return openaiErrorReply(400, { message: `Video '${video.id}' is not ready: its status is ${resource.status}.`, param: 'video_id', code: 'video_not_ready' });
    }
    const { width, height } = video.dimensions;
    if (variant === 'thumbnail') return bytesReply(200, createSolidWebp(width, height), 'image/webp');
    if (variant === 'spritesheet') return bytesReply(200, createSolidJpeg(width, height), 'image/jpeg');
    return bytesReply(200, this.#videoMedia.get({ kind: 'video', durationSeconds: Number(video.request.seconds) }).bytes, 'video/mp4');
  }

  #remixVideo(context: Context): HttpReply {
    const source = this.#liveVideo(context);
    if (!source) return this.#notFound(context.jobId);
    const invalid = this.#checkContract(context, '/videos/{video_id}/remix');
    if (invalid) return invalid;
    const prompt = stringField(fieldsOf(context) ?? {}, 'prompt');
    if (!prompt) return invalidParamReply('prompt', "Missing required parameter: 'prompt'.", 'missing_required_parameter');
    if (source.resource().status !== 'completed') return invalidParamReply('video_id', `Only completed videos can be remixed; '${source.id}' is ${source.resource().status}.`);
    // The recording keeps the source id (the path's job); the new id is in the response.
    const video = this.#addVideo({ ...source.request, prompt, remixedFromVideoId: source.id, inputReference: null });
    return jsonReply(200, video.resource(video.job.submittedAt));
  }

  #deleteVideo(context: Context): HttpReply {
    const video = this.#liveVideo(context);
    if (!video) return this.#notFound(context.jobId);
    // openai-node documents delete for "a completed or failed video"; a running job is refused [C].
    const { status } = video.resource();
    if (status !== 'completed' && status !== 'failed') return invalidParamReply('video_id', `Only completed or failed videos can be deleted; '${video.id}' is ${status}.`);
    video.deletedAt = Date.now();
    return jsonReply(200, { id: video.id, object: 'video.deleted', deleted: true });
  }

  #listVideos(context: Context): HttpReply {
    const limit = Number(context.query.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 0 || limit > 100) return invalidParamReply('limit', `Invalid limit: ${String(context.query.get('limit'))}. It must be an integer from 0 to 100.`);
    const order = context.query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') return invalidParamReply('order', `Invalid order: '${order}'. Supported values are 'asc' and 'desc'.`);
    const live = [...this.#videos.values()].filter((video) => video.deletedAt === undefined);
    if (order === 'desc') live.reverse();
    const after = context.query.get('after');
    const start = after === null ? 0 : live.findIndex((video) => video.id === after) + 1;
    const page = live.slice(start, start + limit).map((video) => video.resource());
    return jsonReply(200, { object: 'list', data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: start + limit < live.length });
  }
}

/** Creates a fake OpenAI server and starts it; close it with `close()`. */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIFakeServer> {
  const server = new OpenAIFakeServer(options);
  await server.start();
  return server;
}

/**
 * A 429 as OpenAI sends it (`rate_limit_exceeded`), for `injectFault`. `retryAfterMs` sets
 * `retry-after-ms` and the rounded-up `retry-after` seconds, as the Stainless clients read them [C].
 */
export function openaiRateLimitFault(retryAfterMs?: number): Fault {
  return {
    kind: 'respond',
    status: 429,
    headers: retryAfterMs === undefined ? {} : { 'retry-after-ms': String(retryAfterMs), 'retry-after': String(Math.ceil(retryAfterMs / 1000)) },
    body: openaiErrorBody({ message: 'Rate limit reached for requests. Please try again later.', type: 'requests', code: 'rate_limit_exceeded' }),
  };
}
