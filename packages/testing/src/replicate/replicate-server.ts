import { randomBytes } from 'node:crypto';
import { FakeServer, type FakeServerOptions, type RequestContext } from '../common/fake-server';
import { bytesReply, jsonReply, type HttpReply } from '../common/http-reply';
import { JobScriptQueue } from '../common/job-script-queue';
import type { JobScript, ResolvedJobScript } from '../common/job-script';
import { SampleMediaCache } from '../common/media/sample-media';
import { ScriptedJob, type JobSnapshot } from '../common/scripted-job';
import { ReplicateContracts, type ReplicateCreateOperation } from './replicate-contracts';
import { fileBody, readFileUpload, ReplicateFileError, ReplicateFileStore, type ReplicateFile } from './replicate-files';
import { ReplicateModelCatalog, type ReplicateModel, type ReplicateModelSpec } from './replicate-model-catalog';
import { buildReplicateOutput } from './replicate-output';
import {
  isTerminalStatus,
  predictionBody,
  REPLICATE_PHASES,
  ReplicatePrediction,
  type PredictionStatus,
  type ReplicatePhase,
  type WebhookEvent,
} from './replicate-prediction';
import { invalidInputReply, problemReply } from './replicate-problem';
import { InvalidHeaderError, parseCancelAfter, parsePreferWait } from './replicate-request-headers';
import { parseVersionRef } from './replicate-version-ref';
import { deliverReplicateWebhook, ReplicateWebhookSigner, type ReplicateWebhookDelivery } from './replicate-webhooks';

/** The token a fake Replicate server accepts when created without `apiTokens` (shaped like a real `r8_` token). */
export const FAKE_REPLICATE_TOKEN = 'r8_FakeReplicateToken0000000000000000000';

/** Settings of a {@link ReplicateFakeServer}. */
export interface ReplicateServerOptions extends FakeServerOptions {
  /** Tokens accepted in `Authorization: Bearer <token>` or `Token <token>` (default `[FAKE_REPLICATE_TOKEN]`). */
  readonly apiTokens?: readonly string[];
  /**
   * The contracts root holding `replicate/openapi.json`. With it, create bodies and uploads are
   * checked against Replicate's own OpenAPI document (422 with `invalid_fields` otherwise).
   */
  readonly contractsDir?: string;
  /** Models to declare up front, by `owner/name`; see {@link ReplicateFakeServer.defineModel}. */
  readonly models?: Readonly<Record<string, ReplicateModelSpec>>;
  /** Deployments, `owner/name` → the model they run (default: a model of the same name). */
  readonly deployments?: Readonly<Record<string, string>>;
  /** The script of every job not scripted with {@link ReplicateFakeServer.scriptNext}. */
  readonly defaultScript?: JobScript;
  /** The `whsec_…` signing secret (default: random). */
  readonly webhookSecret?: string;
  /** How long a webhook POST may take (default 10 000 ms). */
  readonly webhookTimeoutMs?: number;
  /** Largest upload (default 100 MiB, Replicate's limit). */
  readonly maxFileBytes?: number;
}

/** What happened to one prediction, read back for assertions. */
export interface ReplicatePredictionInfo {
  readonly id: string;
  readonly model: string;
  readonly version: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly deployment: string | undefined;
  readonly webhook: string | undefined;
  readonly webhookEventsFilter: readonly WebhookEvent[];
  readonly script: ResolvedJobScript;
  readonly state: JobSnapshot;
  readonly status: PredictionStatus;
  readonly cancelledAt: number | undefined;
  /** Requests about this prediction, per phase (submit is 1). */
  readonly requestCounts: Readonly<Record<ReplicatePhase, number>>;
}

const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['start', 'output', 'logs', 'completed'];
/** Replicate's default when `webhook_events_filter` is absent: new outputs and the end. */
const DEFAULT_WEBHOOK_EVENTS: readonly WebhookEvent[] = ['output', 'completed'];
/** `output` and `logs` webhooks are sent at most every 500 ms (wire.md §2.6). */
const WEBHOOK_THROTTLE_MS = 500;
const PAGE_SIZE = 100;

const CREATE_TEMPLATES = {
  predictions: '/predictions',
  model: '/models/{model_owner}/{model_name}/predictions',
  deployment: '/deployments/{deployment_owner}/{deployment_name}/predictions',
} as const satisfies Record<string, ReplicateCreateOperation>;

type CreateRoute = keyof typeof CREATE_TEMPLATES;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notFound(what = 'Not found.'): HttpReply {
  return problemReply(404, 'Not found', what);
}

/**
 * A fake of Replicate's HTTP API on 127.0.0.1, following `wire.md` §2: predictions created
 * through models, versions or deployments, `Prefer: wait` holding the request, `Cancel-After`,
 * statuses starting → processing → succeeded | failed | canceled | aborted with tqdm-style
 * logs and metrics, outputs as a URL, a list or an object whose media are served from the fake
 * origin, get/cancel/list/stream, the Files API, signed webhooks, problem-details errors,
 * per-model input schemas (422), contract validation and fault injection per phase.
 *
 * @example
 * ```ts
 * const replicate = await startReplicateServer({ contractsDir });
 * replicate.scriptNext({ runMs: 100, logs: ['Loading model'], progressSteps: 4 });
 * // point your client at `${replicate.url}/v1` with `Authorization: Bearer ${FAKE_REPLICATE_TOKEN}`, then:
 * expect(replicate.countRequests({ phase: 'submit' })).toBe(1);
 * await replicate.close();
 * ```
 */
export class ReplicateFakeServer extends FakeServer<ReplicatePhase> {
  /** Scripts of upcoming predictions; see {@link JobScriptQueue}. */
  readonly scripts: JobScriptQueue;
  /** The webhook signer; its `secret` is what `GET /v1/webhooks/default/secret` returns. */
  readonly webhookSigner: ReplicateWebhookSigner;
  readonly #predictions = new Map<string, ReplicatePrediction>();
  readonly #tokens: ReadonlySet<string>;
  readonly #contracts: ReplicateContracts | undefined;
  readonly #models = new ReplicateModelCatalog();
  readonly #deployments: Readonly<Record<string, string>>;
  readonly #files: ReplicateFileStore;
  readonly #mediaCache = new SampleMediaCache();
  readonly #webhookTimeoutMs: number;
  readonly #terminalWebhooks = new Map<string, { readonly timer: { cancel(): void }; readonly at: number; readonly send: () => void }>();
  readonly #deliveries: ReplicateWebhookDelivery[] = [];
  readonly #inFlightWebhooks = new Set<Promise<void>>();

  constructor(options: ReplicateServerOptions = {}) {
    const tokens = options.apiTokens ?? [FAKE_REPLICATE_TOKEN];
    super(
      { name: 'replicate', phases: REPLICATE_PHASES, streamingPhases: ['stream'], secrets: tokens, notFound: () => notFound() },
      options,
    );
    if (tokens.length === 0 || tokens.some((token) => typeof token !== 'string' || token.trim() === '')) {
      throw new TypeError('apiTokens must be a non-empty list of non-empty strings.');
    }
    this.#tokens = new Set(tokens);
    this.#contracts = options.contractsDir === undefined ? undefined : new ReplicateContracts(options.contractsDir);
    this.#deployments = options.deployments ?? {};
    this.#files = new ReplicateFileStore(options.maxFileBytes ?? 100 * 1024 * 1024);
    this.#webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
    this.scripts = new JobScriptQueue(options.defaultScript);
    this.webhookSigner = new ReplicateWebhookSigner(options.webhookSecret);
    for (const [name, spec] of Object.entries(options.models ?? {})) this.#models.define(name, spec);

    this.route('GET', '/v1/webhooks/default/secret', {}, (context) => this.#authorize(context) ?? jsonReply(200, { key: this.webhookSigner.secret }));
    this.route('POST', '/v1/predictions', { phase: 'submit' }, (context) => this.#create(context, 'predictions'));
    this.route('POST', '/v1/models/:owner/:name/predictions', { phase: 'submit' }, (context) => this.#create(context, 'model'));
    this.route('POST', '/v1/deployments/:owner/:name/predictions', { phase: 'submit' }, (context) => this.#create(context, 'deployment'));
    this.route('GET', '/v1/predictions', { phase: 'list' }, (context) => this.#list(context));
    this.route('GET', '/v1/predictions/:id', { phase: 'status', jobIdParam: 'id' }, (context) => this.#get(context));
    this.route('POST', '/v1/predictions/:id/cancel', { phase: 'cancel', jobIdParam: 'id' }, (context) => this.#cancel(context));
    this.route('GET', '/v1/predictions/:id/stream', { phase: 'stream', jobIdParam: 'id' }, (context) => this.#stream(context));
    this.route('POST', '/v1/files', { phase: 'upload' }, (context) => this.#upload(context));
    this.route('GET', '/v1/files', { phase: 'file' }, (context) => this.#authorize(context) ?? jsonReply(200, { next: null, previous: null, results: this.#files.list().map((file) => fileBody(context.origin, file)) }));
    this.route('GET', '/v1/files/:id', { phase: 'file' }, (context) => this.#withFile(context, (file) => jsonReply(200, fileBody(context.origin, file))));
    this.route('DELETE', '/v1/files/:id', { phase: 'file' }, (context) => this.#withFile(context, (file) => (this.#files.delete(file.id), { status: 204 })));
    this.route('GET', '/v1/files/:id/download', { phase: 'file' }, (context) => this.#withFile(context, (file) => bytesReply(200, file.bytes, file.contentType)));
    for (const method of ['GET', 'HEAD']) {
      this.route(method, '/media/:id/:fileName', { phase: 'media', jobIdParam: 'id' }, (context) => this.#serveMedia(context));
    }
  }

  /** Declares a model: its input schema (422s), what it produces, whether it is official. */
  defineModel(name: string, spec: ReplicateModelSpec = {}): ReplicateModel {
    return this.#models.define(name, spec);
  }

  /** Scripts the next `times` predictions (default 1); see {@link JobScript} and {@link replicateMediaOutput}. */
  scriptNext(script: JobScript, times = 1): void {
    this.scripts.next(script, times);
  }

  /** What happened to one prediction, or undefined for an unknown id. */
  prediction(id: string): ReplicatePredictionInfo | undefined {
    const prediction = this.#predictions.get(id);
    return prediction ? this.#info(prediction) : undefined;
  }

  /** Every prediction, oldest first, optionally only those of one model. */
  predictions(filter: { readonly model?: string } = {}): ReplicatePredictionInfo[] {
    return [...this.#predictions.values()].filter((p) => filter.model === undefined || p.model === filter.model).map((p) => this.#info(p));
  }

  /** Files uploaded through the Files API, newest first. */
  uploads(): ReplicateFile[] {
    return this.#files.list();
  }

  /** Webhook POSTs made so far (finished ones), oldest first. */
  webhookDeliveries(): ReplicateWebhookDelivery[] {
    return [...this.#deliveries];
  }

  /** Sends the end-of-prediction webhooks already due, then waits for every POST in flight. */
  async settleWebhooks(): Promise<void> {
    const now = Date.now();
    for (const pending of [...this.#terminalWebhooks.values()]) {
      if (pending.at > now) continue;
      pending.timer.cancel();
      pending.send();
    }
    while (this.#inFlightWebhooks.size > 0) await Promise.all(this.#inFlightWebhooks);
  }

  #info(prediction: ReplicatePrediction): ReplicatePredictionInfo {
    const state = prediction.job.snapshot();
    return {
      id: prediction.id,
      model: prediction.model,
      version: prediction.version,
      input: prediction.input,
      deployment: prediction.deployment,
      webhook: prediction.webhook,
      webhookEventsFilter: prediction.webhookEventsFilter,
      script: prediction.job.script,
      state,
      status: prediction.status(state),
      cancelledAt: prediction.job.cancelledAt,
      requestCounts: { ...prediction.requestCounts },
    };
  }

  /** Checks `Authorization: Bearer <token>` (or the older `Token <token>`). */
  #authorize(context: RequestContext<ReplicatePhase>): HttpReply | undefined {
    const match = /^(?:Bearer|Token)\s+(\S+)\s*$/i.exec(context.header('authorization') ?? '');
    if (!match || !this.#tokens.has(match[1] as string)) return problemReply(401, 'Unauthenticated', 'You did not pass a valid authentication token');
    return undefined;
  }

  #predictionFor(context: RequestContext<ReplicatePhase>, phase: ReplicatePhase): ReplicatePrediction | HttpReply {
    const denied = this.#authorize(context);
    if (denied) return denied;
    const prediction = this.#predictions.get(context.jobId ?? '');
    if (!prediction) return notFound();
    prediction.requestCounts[phase] += 1;
    return prediction;
  }

  async #create(context: RequestContext<ReplicatePhase>, route: CreateRoute): Promise<HttpReply> {
    const denied = this.#authorize(context);
    if (denied) return denied;
    const { body } = context;
    if (body.kind !== 'json' || !isObject(body.value)) {
      return problemReply(400, 'Invalid request body', body.kind === 'invalid-json' ? `The body is not valid JSON: ${body.error}` : 'The body must be a JSON object.');
    }
    const issues = this.#contracts?.validateCreate(CREATE_TEMPLATES[route], body) ?? [];
    if (issues.length > 0) return invalidInputReply('Invalid request body', issues);
    const request = body.value;
    if (!isObject(request.input)) return problemReply(422, 'Invalid request body', '"input" is required and must be a JSON object.', { invalid_fields: [{ type: 'required', field: 'input', description: 'input is required' }] });
    const target = this.#resolveTarget(context, route, request);
    if ('status' in target) return target;
    const inputIssues = target.model.validate(request.input);
    if (inputIssues.length > 0) return invalidInputReply('Input validation failed', inputIssues);
    const webhook = this.#readWebhook(request);
    if ('status' in webhook) return webhook;
    let waitSeconds: number | undefined;
    let cancelAfterMs: number | undefined;
    try {
      waitSeconds = parsePreferWait(context.header('prefer'));
      cancelAfterMs = parseCancelAfter(context.header('cancel-after'));
    } catch (error) {
      if (error instanceof InvalidHeaderError) return problemReply(400, `Invalid ${error.header} header`, error.message);
      throw error;
    }

    const script = this.scripts.take();
    const id = randomBytes(16).toString('hex').slice(0, 26);
    const job = new ScriptedJob(id, script);
    const input = request.input;
    const prediction = new ReplicatePrediction({
      job,
      model: target.model.name,
      version: target.version,
      input,
      webhook: webhook.url,
      webhookEventsFilter: webhook.events,
      deployment: target.deployment,
      deadlineAt: cancelAfterMs === undefined ? undefined : job.submittedAt + cancelAfterMs,
      buildOutput: () =>
        buildReplicateOutput(script.output, { produces: target.model.produces, input, mediaBaseUrl: `${this.url}/media/${id}`, mediaCache: this.#mediaCache }),
    });
    this.#predictions.set(id, prediction);
    context.record.jobId = id;
    if (webhook.url !== undefined) this.#scheduleWebhooks(prediction);
    if (waitSeconds !== undefined) await this.#hold(prediction, waitSeconds);
    const now = Date.now();
    const done = isTerminalStatus(prediction.status(job.snapshot(now)));
    // With Prefer: wait an unfinished prediction is a 202; without it Replicate answers 201 "starting" [C].
    return jsonReply(waitSeconds !== undefined && !done ? 202 : 201, predictionBody(context.origin, prediction, now));
  }

  /** The model, version and deployment a create names, or the reply refusing it. */
  #resolveTarget(
    context: RequestContext<ReplicatePhase>,
    route: CreateRoute,
    request: Record<string, unknown>,
  ): { readonly model: ReplicateModel; readonly version: string; readonly deployment: string | undefined } | HttpReply {
    const named = `${context.params.owner ?? ''}/${context.params.name ?? ''}`;
    if (route === 'model') {
      const model = this.#models.get(named);
      if (!model.official) return notFound(`${named} is not an official model; run it through POST /v1/predictions with a version.`);
      return { model, version: 'hidden', deployment: undefined };
    }
    if (route === 'deployment') {
      const model = this.#models.get(this.#deployments[named] ?? named);
      return { model, version: model.version, deployment: named };
    }
    const ref = typeof request.version === 'string' ? parseVersionRef(request.version) : undefined;
    const invalid = problemReply(422, 'Invalid version', `"version" must be a 64-character version id, "owner/name:<version id>" or "owner/name"; got ${JSON.stringify(request.version)}.`);
    if (!ref) return invalid;
    if (ref.kind === 'model') {
      const model = this.#models.get(ref.model);
      return model.official ? { model, version: 'hidden', deployment: undefined } : invalid;
    }
    const declared = ref.kind === 'version-id' ? this.#models.byVersion(ref.version) : this.#models.has(ref.model) ? this.#models.get(ref.model) : undefined;
    if (declared && declared.version !== ref.version) return problemReply(422, 'Invalid version', 'Invalid version or not permitted');
    if (declared) return { model: declared, version: ref.version, deployment: undefined };
    // An undeclared pinned model is accepted: the fake cannot know every community version.
    if (ref.kind === 'model-version') return { model: this.#models.get(ref.model), version: ref.version, deployment: undefined };
    return problemReply(422, 'Invalid version', 'Invalid version or not permitted');
  }

  #readWebhook(request: Record<string, unknown>): { readonly url: string | undefined; readonly events: readonly WebhookEvent[] } | HttpReply {
    const url = request.webhook;
    if (url === undefined) return { url: undefined, events: [] };
    if (typeof url !== 'string' || !/^https?:\/\/[^/]/.test(url)) {
      return problemReply(422, 'Invalid webhook', `"webhook" must be an absolute HTTPS URL; got ${JSON.stringify(url)}.`);
    }
    const filter = request.webhook_events_filter ?? DEFAULT_WEBHOOK_EVENTS;
    if (!Array.isArray(filter) || filter.some((event) => !WEBHOOK_EVENTS.includes(event as WebhookEvent))) {
      return problemReply(422, 'Invalid webhook_events_filter', `"webhook_events_filter" must list events among ${WEBHOOK_EVENTS.join(', ')}; got ${JSON.stringify(filter)}.`);
    }
    return { url, events: filter as WebhookEvent[] };
  }

  /** Holds a create request until the prediction ends or `seconds` pass (`Prefer: wait`). */
  #hold(prediction: ReplicatePrediction, seconds: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        timer.cancel();
        prediction.wakers.delete(release);
        resolve();
      };
      prediction.wakers.add(release);
      const timer = this.#runAt(Math.min(prediction.job.completesAt, Date.now() + seconds * 1000), release);
    });
  }

  /**
   * Runs `callback` once `Date.now()` reaches `at`. Timers may fire a millisecond early against
   * the wall clock, and a job's state is computed from the wall clock, so it re-arms until then.
   */
  #runAt(at: number, callback: () => void): { cancel(): void } {
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const wait = at - Date.now();
      if (wait > 0) timer = this.schedule(arm, wait);
      else callback();
    };
    timer = this.schedule(arm, at - Date.now());
    return { cancel: () => timer && this.unschedule(timer) };
  }

  #get(context: RequestContext<ReplicatePhase>): HttpReply {
    const prediction = this.#predictionFor(context, 'status');
    if (!(prediction instanceof ReplicatePrediction)) return prediction;
    return jsonReply(200, predictionBody(context.origin, prediction));
  }

  #list(context: RequestContext<ReplicatePhase>): HttpReply {
    const denied = this.#authorize(context);
    if (denied) return denied;
    const all = [...this.#predictions.values()].reverse();
    const offset = Math.max(0, Number.parseInt(context.query.get('cursor') ?? '0', 10) || 0);
    const page = all.slice(offset, offset + PAGE_SIZE);
    const pageUrl = (at: number) => `${context.origin}/v1/predictions?cursor=${at}`;
    return jsonReply(200, {
      next: offset + PAGE_SIZE < all.length ? pageUrl(offset + PAGE_SIZE) : null,
      previous: offset > 0 ? pageUrl(Math.max(0, offset - PAGE_SIZE)) : null,
      results: page.map((prediction) => predictionBody(context.origin, prediction)),
    });
  }

  /** Cancel is POST (not PUT); a finished prediction is returned unchanged (wire.md §2.4). */
  #cancel(context: RequestContext<ReplicatePhase>): HttpReply {
    const prediction = this.#predictionFor(context, 'cancel');
    if (!(prediction instanceof ReplicatePrediction)) return prediction;
    if (prediction.job.cancel() === 'cancelled') {
      prediction.wake();
      if (prediction.webhook !== undefined) this.#scheduleTerminalWebhook(prediction);
    }
    return jsonReply(200, predictionBody(context.origin, prediction));
  }

  /**
   * The prediction's event stream: `logs` events as lines are printed, `output` events with the
   * output when it succeeds, then `done` (`{}`, or `{"reason": …}` when it did not succeed).
   */
  #stream(context: RequestContext<ReplicatePhase>): HttpReply | undefined {
    const prediction = this.#predictionFor(context, 'stream');
    if (!(prediction instanceof ReplicatePrediction)) return prediction;
    const stream = context.openEventStream();
    let sentLogs = 0;
    let timer: NodeJS.Timeout | undefined;
    const push = (): void => {
      if (stream.closed) return;
      const now = Date.now();
      const snapshot = prediction.job.snapshot(now);
      const body = predictionBody(context.origin, prediction, now);
      for (const line of String(body.logs).split('\n').slice(sentLogs).filter((l) => l !== '')) stream.send(line, 'logs');
      sentLogs = snapshot.logs.length;
      const status = body.status as PredictionStatus;
      if (isTerminalStatus(status)) {
        if (status === 'succeeded') for (const item of [body.output].flat()) stream.send(typeof item === 'string' ? item : JSON.stringify(item), 'output');
        stream.send(status === 'succeeded' ? {} : { reason: status === 'failed' ? 'error' : 'canceled' }, 'done');
        stream.end();
        return;
      }
      const next = prediction.job.nextChangeAt(now);
      if (next !== undefined) timer = this.schedule(push, next - Date.now());
    };
    const wake = (): void => {
      if (timer) this.unschedule(timer);
      push();
    };
    prediction.wakers.add(wake);
    stream.onClose(() => {
      if (timer) this.unschedule(timer);
      prediction.wakers.delete(wake);
    });
    push();
    return undefined;
  }

  #upload(context: RequestContext<ReplicatePhase>): HttpReply {
    const denied = this.#authorize(context);
    if (denied) return denied;
    if (context.body.kind !== 'multipart') return problemReply(415, 'Unsupported media type', 'Upload files as multipart/form-data with a "content" part.');
    try {
      const fields = readFileUpload(context.body.value);
      const issues = this.#contracts?.validateUpload(fields) ?? [];
      if (issues.length > 0) return invalidInputReply('Invalid file', issues);
      return jsonReply(201, fileBody(context.origin, this.#files.put(fields)));
    } catch (error) {
      if (error instanceof ReplicateFileError) return problemReply(error.status, error.title, error.message);
      throw error;
    }
  }

  #withFile(context: RequestContext<ReplicatePhase>, use: (file: ReplicateFile) => HttpReply): HttpReply {
    const denied = this.#authorize(context);
    if (denied) return denied;
    const file = this.#files.get(context.params.id ?? '');
    return file ? use(file) : notFound('File not found');
  }

  #serveMedia(context: RequestContext<ReplicatePhase>): HttpReply {
    const prediction = this.#predictions.get(context.jobId ?? '');
    const media = prediction && prediction.status(prediction.job.snapshot()) === 'succeeded' ? prediction.output.media.get(context.params.fileName ?? '') : undefined;
    if (!prediction || !media) return notFound();
    prediction.requestCounts.media += 1;
    return bytesReply(200, media.bytes, media.contentType);
  }

  #scheduleWebhooks(prediction: ReplicatePrediction): void {
    const events = prediction.webhookEventsFilter;
    if (events.includes('start')) this.#sendWebhook(prediction, 'start');
    if (events.includes('logs')) this.#scheduleLogsWebhook(prediction, 0, Date.now() - WEBHOOK_THROTTLE_MS);
    this.#scheduleTerminalWebhook(prediction);
  }

  /** A `logs` webhook at each change that printed lines, throttled, until the prediction ends. */
  #scheduleLogsWebhook(prediction: ReplicatePrediction, sentLines: number, lastAt: number): void {
    const next = prediction.job.nextChangeAt();
    if (next === undefined) return;
    this.schedule(() => {
      const snapshot = prediction.job.snapshot();
      if (snapshot.phase === 'completed') return;
      const printed = snapshot.logs.length > sentLines;
      if (printed) this.#sendWebhook(prediction, 'logs');
      this.#scheduleLogsWebhook(prediction, snapshot.logs.length, printed ? Date.now() : lastAt);
    }, Math.max(next, lastAt + WEBHOOK_THROTTLE_MS) - Date.now());
  }

  /**
   * The end-of-prediction webhook: `completed` when asked for; else `output` for a success.
   * Outputs appear all at once here, so `output` is not sent twice beside `completed`.
   */
  #scheduleTerminalWebhook(prediction: ReplicatePrediction): void {
    const previous = this.#terminalWebhooks.get(prediction.id);
    previous?.timer.cancel();
    const send = (): void => {
      this.#terminalWebhooks.delete(prediction.id);
      const status = prediction.status(prediction.job.snapshot());
      if (prediction.webhookEventsFilter.includes('completed')) this.#sendWebhook(prediction, 'completed');
      else if (status === 'succeeded' && prediction.webhookEventsFilter.includes('output')) this.#sendWebhook(prediction, 'output');
    };
    const at = prediction.job.completesAt;
    this.#terminalWebhooks.set(prediction.id, { timer: this.#runAt(at, send), at, send });
  }

  #sendWebhook(prediction: ReplicatePrediction, event: WebhookEvent): void {
    const url = prediction.webhook;
    if (url === undefined) return;
    const body = JSON.stringify(predictionBody(this.url, prediction));
    const delivery = deliverReplicateWebhook(this.webhookSigner, { url, predictionId: prediction.id, event }, body, this.#webhookTimeoutMs).then((done) => {
      this.#deliveries.push(done);
      this.#inFlightWebhooks.delete(delivery);
    });
    this.#inFlightWebhooks.add(delivery);
  }
}

/** Creates a fake Replicate server and starts it; close it with `close()`. */
export async function startReplicateServer(options: ReplicateServerOptions = {}): Promise<ReplicateFakeServer> {
  const server = new ReplicateFakeServer(options);
  await server.start();
  return server;
}
