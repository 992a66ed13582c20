import { randomUUID } from 'node:crypto';
import type { ContractIssue } from '../common/contracts/contract-issue';
import { FakeServer, type FakeServerOptions, type RequestContext } from '../common/fake-server';
import type { StoredFile } from '../common/file-store';
import { bytesReply, jsonReply, type HttpReply } from '../common/http-reply';
import { JobScriptQueue } from '../common/job-script-queue';
import type { JobScript, ResolvedJobScript } from '../common/job-script';
import { SampleMediaCache } from '../common/media/sample-media';
import { ScriptedJob, type JobSnapshot } from '../common/scripted-job';
import { FalContracts, type FalEndpointContract } from './fal-contracts';
import { isJobPrefix, parseFalEndpointId, type FalEndpointId } from './fal-endpoint-id';
import { falErrorDetail } from './fal-errors';
import { FAL_PHASES, FalJob, falFailure, falJobUrls, falLogs, falStatusBody, type FalPhase } from './fal-job';
import { buildFalOutput, falEndpointKind, type FalOutput } from './fal-output';
import { FalStorage, FalStorageError } from './fal-storage';
import { deliverFalWebhook, FalWebhookSigner, type FalWebhookDelivery, type JsonWebKeySet } from './fal-webhooks';

/** The key a fake fal server accepts when created without `apiKeys` (fal keys look like `id:secret`). */
export const FAKE_FAL_KEY = 'fake-fal-key-id:fake-fal-key-secret';

/** When the fake server checks submits against the endpoint's input schema. */
export type FalValidationMode =
  /** Reject a bad submit with 422 and pydantic-style `detail` (default). */
  | 'submit'
  /** Accept it; the job then fails with that 422 as its result. */
  | 'fail-later'
  /** Do not validate. */
  | 'off';

/** Settings of a {@link FalFakeServer}. */
export interface FalServerOptions extends FakeServerOptions {
  /** Keys accepted in `Authorization: Key <key>` (default `[FAKE_FAL_KEY]`). */
  readonly apiKeys?: readonly string[];
  /**
   * The contracts root holding `fal/openapi/<id with / → __>.json` (e.g. the project's
   * `shared/contracts`). With it, submits are validated against the endpoint's input schema
   * and outputs follow its output schema; endpoints without a document are accepted unchecked.
   */
  readonly contractsDir?: string;
  /** Default `submit`; only matters with `contractsDir`. */
  readonly validation?: FalValidationMode;
  /** The script of every job not scripted with {@link FalFakeServer.scriptNext}. */
  readonly defaultScript?: JobScript;
  /** The `X-Fal-Webhook-User-Id` of signed webhooks (default `fake-fal-user`). */
  readonly webhookUserId?: string;
  /** How long a webhook POST may take (default 15 000 ms, as fal). */
  readonly webhookTimeoutMs?: number;
}

/** What happened to one job, read back for assertions. */
export interface FalJobInfo {
  readonly requestId: string;
  readonly gatewayRequestId: string;
  /** The full endpoint id it was submitted to. */
  readonly endpointId: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly submittedAt: number;
  readonly script: ResolvedJobScript;
  readonly webhookUrl: string | undefined;
  /** Schema violations found at submit (only non-empty in `fail-later` mode). */
  readonly validationIssues: readonly ContractIssue[];
  /** The job's state now. */
  readonly state: JobSnapshot;
  readonly cancelledAt: number | undefined;
  /** Requests about this job, per phase (submit is 1). */
  readonly requestCounts: Readonly<Record<FalPhase, number>>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** fal-js sends `logs=1|0`, fal_client `logs=true|false`. */
function logsRequested(query: URLSearchParams): boolean {
  const value = query.get('logs')?.toLowerCase();
  return value === '1' || value === 'true';
}

function notFound(requestId: string | undefined): HttpReply {
  return jsonReply(404, { status: 'NOT_FOUND', detail: `Request ${String(requestId)} not found` });
}

function validationReply(detail: readonly unknown[]): HttpReply {
  return jsonReply(422, { detail }, { 'x-fal-retryable': 'false' });
}

/**
 * A fake of fal's queue API, storage upload and webhooks on 127.0.0.1, following
 * `wire.md` §1: submit with the full endpoint id, status/stream/result/cancel under app-only
 * or full prefixes, scripted jobs (queue, progress logs, success, failure, moderation,
 * cancellation), contract validation, realistic outputs whose media URLs serve real MP4/PNG
 * bytes, signed webhooks with a JWKS, and fault injection per phase.
 *
 * @example
 * ```ts
 * const fal = await startFalServer({ contractsDir });
 * fal.scriptNext({ queueMs: 50, runMs: 100, logs: ['Loading model'] });
 * // point your client at fal.url, then:
 * expect(fal.countRequests({ phase: 'submit' })).toBe(1);
 * await fal.close();
 * ```
 */
export class FalFakeServer extends FakeServer<FalPhase> {
  /** Scripts of upcoming jobs; see {@link JobScriptQueue}. */
  readonly scripts: JobScriptQueue;
  readonly #jobs = new Map<string, FalJob>();
  readonly #apiKeys: ReadonlySet<string>;
  readonly #contracts: FalContracts | undefined;
  readonly #validation: FalValidationMode;
  readonly #storage = new FalStorage();
  readonly #mediaCache = new SampleMediaCache();
  readonly #signer: FalWebhookSigner;
  readonly #webhookTimeoutMs: number;
  readonly #webhookTimers = new Map<string, NodeJS.Timeout>();
  readonly #deliveries: FalWebhookDelivery[] = [];
  readonly #inFlightWebhooks = new Set<Promise<void>>();

  constructor(options: FalServerOptions = {}) {
    const apiKeys = options.apiKeys ?? [FAKE_FAL_KEY];
    super(
      {
        name: 'fal',
        phases: FAL_PHASES,
        streamingPhases: ['stream'],
        secrets: apiKeys,
        notFound: () => jsonReply(404, { detail: 'Not Found' }),
      },
      options,
    );
    if (apiKeys.length === 0 || apiKeys.some((key) => typeof key !== 'string' || key.trim() === '')) {
      throw new TypeError('apiKeys must be a non-empty list of non-empty strings.');
    }
    const validation = options.validation ?? 'submit';
    if (!['submit', 'fail-later', 'off'].includes(validation)) {
      throw new RangeError(`validation must be "submit", "fail-later" or "off"; got ${JSON.stringify(validation)}.`);
    }
    this.#apiKeys = new Set(apiKeys);
    this.#validation = validation;
    this.#contracts = options.contractsDir === undefined ? undefined : new FalContracts(options.contractsDir);
    this.scripts = new JobScriptQueue(options.defaultScript);
    this.#signer = new FalWebhookSigner(options.webhookUserId ?? 'fake-fal-user');
    this.#webhookTimeoutMs = options.webhookTimeoutMs ?? 15_000;

    this.route('GET', '/.well-known/jwks.json', {}, () => jsonReply(200, this.#signer.jwks()));
    this.route('POST', '/storage/upload/initiate', { phase: 'upload' }, (context) => this.#initiateUpload(context, false));
    this.route('POST', '/storage/upload/initiate-multipart', { phase: 'upload' }, (context) => this.#initiateUpload(context, true));
    this.route('PUT', '/storage/uploads/:uploadId', { phase: 'upload' }, (context) => this.#putUpload(context));
    this.route('PUT', '/storage/uploads/:uploadId/:partNumber', { phase: 'upload' }, (context) => this.#putUploadPart(context));
    this.route('POST', '/storage/uploads/:uploadId/complete', { phase: 'upload' }, (context) => this.#completeUpload(context));
    for (const method of ['GET', 'HEAD']) {
      this.route(method, '/files/:fileId/*name', { phase: 'media' }, (context) => this.#serveFile(context));
      this.route(method, '/media/:requestId/:fileName', { phase: 'media', jobIdParam: 'requestId' }, (context) => this.#serveMedia(context));
    }
    this.route('GET', '/*prefix/requests/:requestId/status/stream', { phase: 'stream', jobIdParam: 'requestId' }, (context) => this.#streamStatus(context));
    this.route('GET', '/*prefix/requests/:requestId/status', { phase: 'status', jobIdParam: 'requestId' }, (context) => this.#status(context));
    this.route('PUT', '/*prefix/requests/:requestId/cancel', { phase: 'cancel', jobIdParam: 'requestId' }, (context) => this.#cancel(context));
    this.route('GET', '/*prefix/requests/:requestId', { phase: 'result', jobIdParam: 'requestId' }, (context) => this.#result(context));
    this.route('POST', '/*endpoint', { phase: 'submit' }, (context) => this.#submit(context));
  }

  /** Scripts the next `times` submits (default 1); see {@link JobScript}. */
  scriptNext(script: JobScript, times = 1): void {
    this.scripts.next(script, times);
  }

  /** What happened to one job, or undefined for an unknown id. */
  job(requestId: string): FalJobInfo | undefined {
    const job = this.#jobs.get(requestId);
    return job ? this.#info(job) : undefined;
  }

  /** Every job, oldest first, optionally only those submitted to one endpoint id. */
  jobs(filter: { readonly endpointId?: string } = {}): FalJobInfo[] {
    return [...this.#jobs.values()].filter((job) => filter.endpointId === undefined || job.endpoint.id === filter.endpointId).map((job) => this.#info(job));
  }

  /** Files uploaded through the storage API. */
  uploads(): StoredFile[] {
    return this.#storage.files.list();
  }

  /** Webhook POSTs made so far (finished ones), oldest first. */
  webhookDeliveries(): FalWebhookDelivery[] {
    return [...this.#deliveries];
  }

  /** Waits for webhook POSTs in flight. */
  async settleWebhooks(): Promise<void> {
    while (this.#inFlightWebhooks.size > 0) await Promise.all(this.#inFlightWebhooks);
  }

  /** The webhook signing key set, as served at `/.well-known/jwks.json`. */
  jwks(): JsonWebKeySet {
    return this.#signer.jwks();
  }

  /** The user id webhooks are signed for. */
  get webhookUserId(): string {
    return this.#signer.userId;
  }

  #info(job: FalJob): FalJobInfo {
    return {
      requestId: job.requestId,
      gatewayRequestId: job.gatewayRequestId,
      endpointId: job.endpoint.id,
      input: job.input,
      submittedAt: job.job.submittedAt,
      script: job.job.script,
      webhookUrl: job.webhookUrl,
      validationIssues: job.validationIssues,
      state: job.job.snapshot(),
      cancelledAt: job.job.cancelledAt,
      requestCounts: { ...job.requestCounts },
    };
  }

  #authorize(context: RequestContext<FalPhase>): HttpReply | undefined {
    const header = context.header('authorization');
    if (header === undefined || header.trim() === '') {
      return jsonReply(401, { detail: 'Authentication is required to access this resource: send "Authorization: Key <FAL_KEY>".' });
    }
    const match = /^Key\s+(\S.*)$/i.exec(header.trim());
    if (!match) return jsonReply(401, { detail: 'The Authorization header must use the "Key" scheme: "Authorization: Key <FAL_KEY>".' });
    if (!this.#apiKeys.has((match[1] as string).trim())) return jsonReply(401, { detail: 'The key in the Authorization header is not valid.' });
    return undefined;
  }

  /** The job a status/stream/result/cancel request is about, or the reply refusing it. */
  #jobFor(context: RequestContext<FalPhase>, phase: FalPhase): FalJob | HttpReply {
    const denied = this.#authorize(context);
    if (denied) return denied;
    const job = context.jobId === undefined ? undefined : this.#jobs.get(context.jobId);
    if (!job || !isJobPrefix(context.params.prefix ?? '', job.endpoint)) return notFound(context.jobId);
    job.requestCounts[phase] += 1;
    return job;
  }

  #submit(context: RequestContext<FalPhase>): HttpReply {
    const denied = this.#authorize(context);
    if (denied) return denied;
    const endpoint = parseFalEndpointId(context.params.endpoint ?? '');
    if (!endpoint) return jsonReply(404, { detail: `An endpoint id must be "owner/app[/path]"; got ${JSON.stringify(context.params.endpoint)}.` });
    const read = this.#readInput(context);
    if ('reply' in read) return read.reply;
    const { input } = read;

    const webhookUrl = context.query.get('fal_webhook') ?? undefined;
    if (webhookUrl !== undefined && !/^https?:\/\/[^/]/.test(webhookUrl)) {
      return jsonReply(422, { detail: `fal_webhook must be an absolute http(s) URL; got ${JSON.stringify(webhookUrl)}.` });
    }
    const maxQueue = context.query.get('fal_max_queue_length');
    if (maxQueue !== null) {
      const limit = Number(maxQueue);
      if (!/^\d+$/.test(maxQueue)) return jsonReply(422, { detail: `fal_max_queue_length must be an integer >= 0; got ${JSON.stringify(maxQueue)}.` });
      const queued = this.#queuedCount(endpoint.id);
      if (queued >= limit) {
        return jsonReply(429, { detail: `The queue of ${endpoint.id} has ${queued} requests; fal_max_queue_length is ${limit}.`, error_type: 'queue_full' });
      }
    }

    const contract = this.#contracts?.forEndpoint(endpoint.id);
    const issues = contract?.submit && this.#validation !== 'off' ? contract.contract.validateRequestBody(contract.submit, context.body) : [];
    if (issues.length > 0 && this.#validation === 'submit') return validationReply(issues.map(falErrorDetail));

    const script = this.#effectiveScript(this.scripts.take(), issues, context.header('x-fal-request-timeout'));
    const id = randomUUID();
    const job = new FalJob({
      job: new ScriptedJob(id, script),
      endpoint,
      input,
      webhookUrl,
      validationIssues: issues,
      gatewayRequestId: randomUUID(),
      buildOutput: () => this.#buildOutput(id, endpoint, input, script, contract, context.origin),
    });
    this.#jobs.set(id, job);
    context.record.jobId = id;
    if (webhookUrl !== undefined) this.#scheduleWebhook(job, job.job.completesAt - Date.now());
    return jsonReply(
      200,
      {
        request_id: id,
        ...falJobUrls(context.origin, job),
        queue_position: job.job.snapshot(job.job.submittedAt).queuePosition,
        gateway_request_id: job.gatewayRequestId,
        status: 'IN_QUEUE',
      },
      { 'x-fal-request-id': id },
    );
  }

  /** The submitted input object, or the 422 refusing the body. */
  #readInput(context: RequestContext<FalPhase>): { readonly input: Record<string, unknown> } | { readonly reply: HttpReply } {
    const { body } = context;
    switch (body.kind) {
      case 'empty':
        return { input: {} };
      case 'json':
        return isObject(body.value)
          ? { input: body.value }
          : { reply: validationReply([{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type', input: body.value }]) };
      case 'invalid-json':
        return { reply: validationReply([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid', ctx: { error: body.error } }]) };
      default:
        return { reply: validationReply([{ loc: ['body'], msg: `Input should be a JSON object; got a ${body.kind} body`, type: 'model_attributes_type' }]) };
    }
  }

  /** The script with what the request changes: a deferred validation failure, a start deadline. */
  #effectiveScript(script: ResolvedJobScript, issues: readonly ContractIssue[], requestTimeout: string | undefined): ResolvedJobScript {
    let effective = script;
    if (issues.length > 0) {
      effective = {
        ...effective,
        outcome: {
          error: `Invalid input: ${issues.map((issue) => issue.message).join('; ')}`,
          errorType: 'validation_error',
          httpStatus: 422,
          body: { detail: issues.map(falErrorDetail) },
          retryable: false,
        },
      };
    }
    const seconds = requestTimeout === undefined ? Number.NaN : Number(requestTimeout);
    // X-Fal-Request-Timeout is a deadline to start: a job still queued then fails with a user timeout.
    if (seconds > 0 && seconds * 1000 < effective.queueMs) {
      effective = {
        ...effective,
        queueMs: seconds * 1000,
        runMs: 0,
        outcome: {
          error: `Request did not start within ${seconds} s (X-Fal-Request-Timeout)`,
          errorType: 'request_timeout',
          httpStatus: 504,
          body: { detail: 'Request timed out before it started', error_type: 'request_timeout' },
          headers: { 'x-fal-request-timeout-type': 'user' },
        },
      };
    }
    return effective;
  }

  #buildOutput(
    requestId: string,
    endpoint: FalEndpointId,
    input: Readonly<Record<string, unknown>>,
    script: ResolvedJobScript,
    contract: FalEndpointContract | undefined,
    origin: string,
  ): FalOutput {
    if (script.output !== undefined) return { output: script.output, media: new Map() };
    return buildFalOutput(contract?.outputSchema, {
      requestId,
      input,
      kind: falEndpointKind(endpoint.id, input, contract?.category),
      mediaBaseUrl: `${origin}/media/${requestId}`,
      runMs: script.runMs,
      mediaCache: this.#mediaCache,
      deref: contract ? (node) => contract.contract.deref(node) : (node) => node,
    });
  }

  #queuedCount(endpointId: string): number {
    const now = Date.now();
    let count = 0;
    for (const job of this.#jobs.values()) if (job.endpoint.id === endpointId && job.job.phaseAt(now) === 'queued') count++;
    return count;
  }

  #status(context: RequestContext<FalPhase>): HttpReply {
    const job = this.#jobFor(context, 'status');
    if (!(job instanceof FalJob)) return job;
    const snapshot = job.job.snapshot();
    const body = falStatusBody(context.origin, job, snapshot, logsRequested(context.query) ? falLogs(snapshot) : null);
    return jsonReply(snapshot.phase === 'completed' ? 200 : 202, body, { 'x-fal-request-id': job.requestId });
  }

  /**
   * The status stream: an event now, then one at each change, timed by the job's own
   * schedule (a timer per open stream) so COMPLETED leaves the moment the job completes.
   * Logs are sent incrementally (each event carries the lines since the previous one), which
   * is what fal-js expects: it appends every event's logs.
   */
  #streamStatus(context: RequestContext<FalPhase>): HttpReply | undefined {
    const job = this.#jobFor(context, 'stream');
    if (!(job instanceof FalJob)) return job;
    const withLogs = logsRequested(context.query);
    const stream = context.openEventStream({ 'x-fal-request-id': job.requestId });
    let sentLogs = 0;
    let lastSignature = '';
    let timer: NodeJS.Timeout | undefined;
    const push = (): void => {
      if (stream.closed) return;
      const now = Date.now();
      const snapshot = job.job.snapshot(now);
      const newLogs = withLogs ? falLogs(snapshot).slice(sentLogs) : null;
      const body = falStatusBody(context.origin, job, snapshot, newLogs);
      const signature = JSON.stringify({ ...body, logs: null });
      if (signature !== lastSignature || (newLogs?.length ?? 0) > 0) {
        stream.send(body);
        lastSignature = signature;
        sentLogs += newLogs?.length ?? 0;
      }
      if (snapshot.phase === 'completed') {
        stream.end();
        return;
      }
      const next = job.job.nextChangeAt(now);
      if (next !== undefined) timer = this.schedule(push, next - Date.now());
    };
    const wake = (): void => {
      if (timer) this.unschedule(timer);
      push();
    };
    job.wakers.add(wake);
    stream.onClose(() => {
      if (timer) this.unschedule(timer);
      job.wakers.delete(wake);
    });
    push();
    return undefined;
  }

  #result(context: RequestContext<FalPhase>): HttpReply {
    const job = this.#jobFor(context, 'result');
    if (!(job instanceof FalJob)) return job;
    const snapshot = job.job.snapshot();
    const requestIdHeader = { 'x-fal-request-id': job.requestId };
    if (snapshot.phase !== 'completed' || !snapshot.result) return jsonReply(400, { detail: 'Request is still in progress' }, requestIdHeader);
    const failure = falFailure(snapshot.result, job.input);
    if (failure) return jsonReply(failure.httpStatus, failure.body, { ...requestIdHeader, ...failure.headers });
    return jsonReply(200, job.output.output, { ...requestIdHeader, 'x-fal-billable-units': String(job.job.script.billableUnits) });
  }

  #cancel(context: RequestContext<FalPhase>): HttpReply {
    const job = this.#jobFor(context, 'cancel');
    if (!(job instanceof FalJob)) return job;
    const requestIdHeader = { 'x-fal-request-id': job.requestId };
    if (job.job.cancel() === 'already-completed') return jsonReply(400, { status: 'ALREADY_COMPLETED' }, requestIdHeader);
    for (const wake of [...job.wakers]) wake();
    if (job.webhookUrl !== undefined) this.#scheduleWebhook(job, 0);
    return jsonReply(202, { status: 'CANCELLATION_REQUESTED' }, requestIdHeader);
  }

  #scheduleWebhook(job: FalJob, delayMs: number): void {
    const previous = this.#webhookTimers.get(job.requestId);
    if (previous) this.unschedule(previous);
    const timer = this.schedule(() => {
      this.#webhookTimers.delete(job.requestId);
      this.#sendWebhook(job);
    }, delayMs);
    this.#webhookTimers.set(job.requestId, timer);
  }

  /** Sends the webhook of wire.md §1.7 for a completed job. */
  #sendWebhook(job: FalJob): void {
    const url = job.webhookUrl;
    if (url === undefined) return;
    const result = job.job.snapshot().result;
    if (!result) {
      // Timers may fire a millisecond early; wait for the completion instead of dropping the delivery.
      this.#scheduleWebhook(job, Math.max(1, job.job.completesAt - Date.now()));
      return;
    }
    const failure = falFailure(result, job.input);
    const ids = { request_id: job.requestId, gateway_request_id: job.gatewayRequestId };
    const body = failure
      ? { ...ids, status: 'ERROR', error: `Invalid status code: ${failure.httpStatus}`, payload: failure.body }
      : { ...ids, status: 'OK', payload: job.output.output };
    const delivery = deliverFalWebhook(this.#signer, url, job.requestId, body, this.#webhookTimeoutMs).then((done) => {
      this.#deliveries.push(done);
      this.#inFlightWebhooks.delete(delivery);
    });
    this.#inFlightWebhooks.add(delivery);
  }

  #initiateUpload(context: RequestContext<FalPhase>, multipart: boolean): HttpReply {
    const denied = this.#authorize(context);
    if (denied) return denied;
    const { body } = context;
    const fields = body.kind === 'empty' ? {} : body.kind === 'json' && isObject(body.value) ? body.value : undefined;
    if (!fields) return jsonReply(422, { detail: 'The body must be a JSON object {"content_type": string, "file_name": string}.' });
    const contentType = fields.content_type ?? 'application/octet-stream';
    const fileName = fields.file_name ?? `${Date.now()}.bin`;
    if (typeof contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(contentType)) {
      return jsonReply(422, { detail: `content_type must be a media type such as "image/png"; got ${JSON.stringify(contentType)}.` });
    }
    if (typeof fileName !== 'string' || fileName === '' || fileName.includes('/')) {
      return jsonReply(422, { detail: `file_name must be a non-empty string without "/"; got ${JSON.stringify(fileName)}.` });
    }
    const target = this.#storage.initiate(contentType, fileName, multipart);
    return jsonReply(200, {
      upload_url: `${context.origin}/storage/uploads/${target.uploadId}?signature=${target.token}`,
      file_url: this.#fileUrl(context.origin, target.uploadId, fileName),
    });
  }

  #fileUrl(origin: string, fileId: string, fileName: string): string {
    return `${origin}/files/${fileId}/${encodeURIComponent(fileName)}`;
  }

  #storageStep(step: () => HttpReply): HttpReply {
    try {
      return step();
    } catch (error) {
      if (error instanceof FalStorageError) return jsonReply(error.status, { detail: error.message });
      throw error;
    }
  }

  #putUpload(context: RequestContext<FalPhase>): HttpReply {
    return this.#storageStep(() => {
      this.#storage.putWhole(context.params.uploadId ?? '', context.query.get('signature'), context.rawBody, context.header('content-type'));
      return { status: 200 };
    });
  }

  #putUploadPart(context: RequestContext<FalPhase>): HttpReply {
    return this.#storageStep(() =>
      jsonReply(200, this.#storage.putPart(context.params.uploadId ?? '', context.query.get('signature'), Number(context.params.partNumber), context.rawBody)),
    );
  }

  #completeUpload(context: RequestContext<FalPhase>): HttpReply {
    return this.#storageStep(() => {
      const parts = context.body.kind === 'json' && isObject(context.body.value) ? context.body.value.parts : undefined;
      const file = this.#storage.complete(context.params.uploadId ?? '', context.query.get('signature'), parts);
      return jsonReply(200, { file_url: this.#fileUrl(context.origin, file.id, file.fileName) });
    });
  }

  #serveFile(context: RequestContext<FalPhase>): HttpReply {
    const file = this.#storage.files.get(context.params.fileId ?? '');
    if (!file) return jsonReply(404, { detail: 'Not Found' });
    return bytesReply(200, file.bytes, file.contentType);
  }

  #serveMedia(context: RequestContext<FalPhase>): HttpReply {
    const job = context.jobId === undefined ? undefined : this.#jobs.get(context.jobId);
    const media = job?.media(context.params.fileName ?? '');
    if (!job || !media) return jsonReply(404, { detail: 'Not Found' });
    job.requestCounts.media += 1;
    return bytesReply(200, media.bytes, media.contentType);
  }
}

/** Creates a fake fal server and starts it; close it with `close()`. */
export async function startFalServer(options: FalServerOptions = {}): Promise<FalFakeServer> {
  const server = new FalFakeServer(options);
  await server.start();
  return server;
}
