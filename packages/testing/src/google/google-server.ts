import { randomBytes, randomUUID } from 'node:crypto';
import { formatIssuePath } from '../common/contracts/contract-issue';
import { FakeServer, type FakeServerOptions, type RequestContext } from '../common/fake-server';
import { bytesReply, jsonReply, type HttpReply } from '../common/http-reply';
import { JobScriptQueue } from '../common/job-script-queue';
import type { JobFailure, JobScript, ResolvedJobScript } from '../common/job-script';
import { SampleMediaCache } from '../common/media/sample-media';
import type { JobSnapshot } from '../common/scripted-job';
import { GoogleContracts } from './google-contracts';
import { FAKE_GOOGLE_ACCESS_TOKEN, FAKE_GOOGLE_API_KEY, GoogleCredentials } from './google-credentials';
import { geminiImageBlockedResponse, geminiImageResponse } from './google-gemini-image';
import { imagenFilteredResponse, imagenResponse } from './google-imagen';
import { API_VERSIONS, DEFAULT_GOOGLE_MODELS, FAMILY_METHOD, type GoogleApi, type GoogleModelFamily } from './google-models';
import { GOOGLE_PHASES, type GooglePhase } from './google-phases';
import { generateContentViolations, imagenRequestViolations, veoRequestViolations, type FieldViolation } from './google-request-checks';
import { googleBadRequest, googleErrorReply, isGoogleRpcStatus } from './google-status';
import { googleId, VeoOperation, type GoogleVideoDelivery } from './google-veo-operation';

/** Settings of a {@link GoogleFakeServer}. */
export interface GoogleServerOptions extends FakeServerOptions {
  /** Gemini API keys accepted in `x-goog-api-key` (or `?key=`); default `[FAKE_GOOGLE_API_KEY]`. */
  readonly apiKeys?: readonly string[];
  /** Vertex AI access tokens accepted in `Authorization: Bearer`; default `[FAKE_GOOGLE_ACCESS_TOKEN]`. */
  readonly accessTokens?: readonly string[];
  /**
   * The contracts root holding `google/*.openapi.json` (e.g. the project's `shared/contracts`).
   * With it, Veo and Imagen bodies are validated against the reconstructed spec and
   * generateContent bodies against the Discovery-derived one.
   */
  readonly contractsDir?: string;
  /** The script of every request not scripted with {@link GoogleFakeServer.scriptNext}. */
  readonly defaultScript?: JobScript;
  /** How finished Veo jobs hand over their videos on the Gemini API (default `uri`). */
  readonly videoDelivery?: GoogleVideoDelivery;
  /** Whether `files/{id}:download` answers 302 to a signed storage URL (default true, as observed [C]) or the bytes. */
  readonly downloadRedirect?: boolean;
  /** More model ids to serve, per family (added to {@link DEFAULT_GOOGLE_MODELS}). */
  readonly models?: Partial<Record<GoogleModelFamily, readonly string[]>>;
}

/** What happened to one Veo operation, read back for assertions. */
export interface GoogleOperationInfo {
  readonly name: string;
  readonly id: string;
  readonly model: string;
  readonly api: GoogleApi;
  readonly request: Readonly<Record<string, unknown>>;
  readonly submittedAt: number;
  readonly script: ResolvedJobScript;
  /** The job's state now. */
  readonly state: JobSnapshot;
  /** Requests about this operation, per phase (submit is 1). */
  readonly requestCounts: Readonly<Record<GooglePhase, number>>;
}

const PHASE_OF: Readonly<Record<GoogleModelFamily, GooglePhase>> = { veo: 'submit', imagen: 'predict', 'gemini-image': 'generate' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidArgument(violations: readonly FieldViolation[]): HttpReply {
  const summary = violations.map((violation) => `${violation.field}: ${violation.description}`).join('; ');
  return googleErrorReply('INVALID_ARGUMENT', `Request contains an invalid argument. ${summary}`, [googleBadRequest(violations)]);
}

/** A scripted failure in Google's error envelope; the failure's own status, body and headers win. */
function failureReply(failure: JobFailure): HttpReply {
  const reply = googleErrorReply(isGoogleRpcStatus(failure.errorType) ? failure.errorType : 'INTERNAL', failure.error);
  return { status: failure.httpStatus ?? reply.status, body: failure.body ?? reply.body, headers: { ...reply.headers, ...failure.headers } };
}

/**
 * A fake of Google's generation APIs on 127.0.0.1 (wire.md §4): the Gemini API
 * (`x-goog-api-key`) and Vertex AI (`Authorization: Bearer`) for Veo (`predictLongRunning`,
 * operation polling, file download with a redirect to signed storage), Imagen (`predict`) and
 * Gemini image (`generateContent`). Jobs follow scripts (success, RAI filtering / safety
 * blocks for `moderation`, `google.rpc.Status` failures); faults apply per phase; bodies are
 * checked against the stored contracts when given a contracts folder.
 *
 * @example
 * ```ts
 * const google = await startGoogleServer({ contractsDir });
 * google.scriptNext({ runMs: 200 });
 * // point your client at google.url (key FAKE_GOOGLE_API_KEY), then:
 * expect(google.countRequests({ phase: 'submit' })).toBe(1);
 * await google.close();
 * ```
 */
export class GoogleFakeServer extends FakeServer<GooglePhase> {
  /** Scripts of upcoming Veo jobs and Imagen / generateContent calls; see {@link JobScriptQueue}. */
  readonly scripts: JobScriptQueue;
  readonly #credentials: GoogleCredentials;
  readonly #contracts: GoogleContracts | undefined;
  readonly #videoDelivery: GoogleVideoDelivery;
  readonly #downloadRedirect: boolean;
  readonly #mediaCache = new SampleMediaCache();
  readonly #operations = new Map<string, VeoOperation>();
  readonly #files = new Map<string, VeoOperation>();
  readonly #storageSignatures = new Map<string, string>();

  constructor(options: GoogleServerOptions = {}) {
    const credentials = new GoogleCredentials(options.apiKeys ?? [FAKE_GOOGLE_API_KEY], options.accessTokens ?? [FAKE_GOOGLE_ACCESS_TOKEN]);
    super(
      {
        name: 'google',
        phases: GOOGLE_PHASES,
        secrets: credentials.secrets,
        notFound: ({ path }) => googleErrorReply('NOT_FOUND', `${path.replace(/^\/+/, '')} is not found, or is not supported by this (fake) API.`),
      },
      options,
    );
    const videoDelivery = options.videoDelivery ?? 'uri';
    if (videoDelivery !== 'uri' && videoDelivery !== 'inline') throw new RangeError(`videoDelivery must be "uri" or "inline"; got ${JSON.stringify(videoDelivery)}.`);
    this.#credentials = credentials;
    this.#videoDelivery = videoDelivery;
    this.#downloadRedirect = options.downloadRedirect ?? true;
    this.#contracts = options.contractsDir === undefined ? undefined : new GoogleContracts(options.contractsDir);
    this.scripts = new JobScriptQueue(options.defaultScript);

    this.route('GET', '/:version/models/:model/operations/:operationId', { phase: 'operation', jobIdParam: 'operationId' }, (context) => this.#getOperation(context));
    this.route('GET', '/:version/files/:fileMethod', { phase: 'download' }, (context) => this.#download(context));
    this.route('GET', '/storage/videos/:fileName', { phase: 'storage' }, (context) => this.#storage(context));
    for (const family of Object.keys(DEFAULT_GOOGLE_MODELS) as GoogleModelFamily[]) {
      for (const model of new Set([...DEFAULT_GOOGLE_MODELS[family], ...(options.models?.[family] ?? [])])) {
        const method = `${model}:${FAMILY_METHOD[family]}`;
        const vertexModel = '/:version/projects/:project/locations/:location/publishers/google/models';
        this.route('POST', `/:version/models/${method}`, { phase: PHASE_OF[family] }, (context) => this.#create(context, family, model, 'gemini'));
        this.route('POST', `${vertexModel}/${method}`, { phase: PHASE_OF[family] }, (context) => this.#create(context, family, model, 'vertex'));
        if (family === 'veo') {
          this.route('POST', `${vertexModel}/${model}:fetchPredictOperation`, { phase: 'operation' }, (context) => this.#fetchPredictOperation(context, model));
        }
      }
    }
  }

  /** Scripts the next `times` Veo submits / Imagen / generateContent calls (default 1); see {@link JobScript}. */
  scriptNext(script: JobScript, times = 1): void {
    this.scripts.next(script, times);
  }

  /** Every Veo operation, oldest first. */
  operations(): GoogleOperationInfo[] {
    return [...this.#operations.values()].map((operation) => this.#info(operation));
  }

  /** One Veo operation by its full name or id, or undefined. */
  operation(nameOrId: string): GoogleOperationInfo | undefined {
    const operation = this.#operations.get(nameOrId.split('/').pop() ?? '');
    return operation ? this.#info(operation) : undefined;
  }

  #info(operation: VeoOperation): GoogleOperationInfo {
    return {
      name: operation.name,
      id: operation.id,
      model: operation.model,
      api: operation.api,
      request: operation.request,
      submittedAt: operation.job.submittedAt,
      script: operation.job.script,
      state: operation.job.snapshot(),
      requestCounts: { ...operation.requestCounts },
    };
  }

  /** Credentials and API version check; undefined when the request may proceed. */
  #admit(context: RequestContext<GooglePhase>, api: GoogleApi): HttpReply | undefined {
    const denied = api === 'gemini' ? this.#credentials.checkApiKey(context.header, context.query) : this.#credentials.checkBearer(context.header);
    if (denied) return denied;
    const version = context.params.version ?? '';
    if (!API_VERSIONS[api].includes(version)) {
      return googleErrorReply('NOT_FOUND', `API version ${version} is not served; use one of ${API_VERSIONS[api].join(', ')}.`);
    }
    return undefined;
  }

  #create(context: RequestContext<GooglePhase>, family: GoogleModelFamily, model: string, api: GoogleApi): HttpReply | Promise<HttpReply> {
    const refused = this.#admit(context, api);
    if (refused) return refused;
    const { body } = context;
    if (body.kind !== 'json' || !isObject(body.value)) {
      return googleErrorReply('INVALID_ARGUMENT', `Invalid JSON payload received: the body must be a JSON object (got a ${body.kind} body).`);
    }
    const contractIssues = this.#contracts?.validate(family, model, body) ?? [];
    const violations = [
      ...contractIssues.map((issue) => ({ field: formatIssuePath(issue.path), description: issue.message })),
      ...(family === 'veo' ? veoRequestViolations(body.value, api) : family === 'imagen' ? imagenRequestViolations(body.value, api) : generateContentViolations(body.value)),
    ];
    if (violations.length > 0) return invalidArgument(violations);
    const script = this.scripts.take();
    if (family === 'veo') return this.#startVeo(context, model, api, body.value, script);
    return this.#answerAfter(script, () => {
      const result = script.outcome;
      if (typeof result === 'object') return failureReply(result);
      if (script.output !== undefined) return jsonReply(200, script.output);
      if (family === 'imagen') return jsonReply(200, result === 'moderation' ? imagenFilteredResponse(body.value) : imagenResponse(body.value, this.#mediaCache, googleId()));
      const responseId = googleId();
      return jsonReply(200, result === 'moderation' ? geminiImageBlockedResponse(body.value, model, responseId) : geminiImageResponse(body.value, model, this.#mediaCache, responseId));
    });
  }

  /** Synchronous methods answer once the script's queue and run time have passed. */
  async #answerAfter(script: ResolvedJobScript, answer: () => HttpReply): Promise<HttpReply> {
    const delay = script.queueMs + script.runMs;
    if (delay > 0) await new Promise<void>((resolve) => this.schedule(resolve, delay));
    return answer();
  }

  #startVeo(context: RequestContext<GooglePhase>, model: string, api: GoogleApi, request: Record<string, unknown>, script: ResolvedJobScript): HttpReply {
    const id = api === 'gemini' ? googleId() : randomUUID();
    const name =
      api === 'gemini'
        ? `models/${model}/operations/${id}`
        : `projects/${context.params.project}/locations/${context.params.location}/publishers/google/models/${model}/operations/${id}`;
    const operation = new VeoOperation({ name, id, model, api, version: context.params.version ?? '', request, script, mediaCache: this.#mediaCache });
    this.#operations.set(id, operation);
    for (const fileId of operation.fileIds) this.#files.set(fileId, operation);
    context.record.jobId = id;
    return jsonReply(200, { name });
  }

  /** The operation `name` refers to, if it was created through `api`. */
  #operationNamed(name: string, api: GoogleApi): VeoOperation | undefined {
    const operation = this.#operations.get(name.split('/').pop() ?? '');
    return operation && operation.name === name && operation.api === api ? operation : undefined;
  }

  #getOperation(context: RequestContext<GooglePhase>): HttpReply {
    const refused = this.#admit(context, 'gemini');
    if (refused) return refused;
    const { model, operationId } = context.params;
    const operation = this.#operationNamed(`models/${model}/operations/${operationId}`, 'gemini');
    if (!operation) return googleErrorReply('NOT_FOUND', `Operation models/${model}/operations/${operationId} not found.`);
    operation.requestCounts.operation += 1;
    return jsonReply(200, operation.render(context.origin, this.#videoDelivery));
  }

  #fetchPredictOperation(context: RequestContext<GooglePhase>, model: string): HttpReply {
    const refused = this.#admit(context, 'vertex');
    if (refused) return refused;
    const name = context.body.kind === 'json' && isObject(context.body.value) ? context.body.value.operationName : undefined;
    if (typeof name !== 'string' || name === '') {
      return invalidArgument([{ field: 'operationName', description: `must be the operation name returned by predictLongRunning; got ${JSON.stringify(name)}` }]);
    }
    const { project, location } = context.params;
    const operation = this.#operationNamed(name, 'vertex');
    if (!operation || !name.startsWith(`projects/${project}/locations/${location}/publishers/google/models/${model}/operations/`)) {
      return googleErrorReply('NOT_FOUND', `Operation ${name} not found.`);
    }
    context.record.jobId = operation.id;
    operation.requestCounts.operation += 1;
    return jsonReply(200, operation.render(context.origin, this.#videoDelivery));
  }

  /** `GET /{version}/files/{id}:download?alt=media` with the API key: a 302 to signed storage, or the bytes. */
  #download(context: RequestContext<GooglePhase>): HttpReply {
    const refused = this.#admit(context, 'gemini');
    if (refused) return refused;
    const [fileId, method] = (context.params.fileMethod ?? '').split(':');
    const operation = method === 'download' ? this.#files.get(fileId ?? '') : undefined;
    if (!operation || operation.job.snapshot().result?.kind !== 'success') return googleErrorReply('NOT_FOUND', `File files/${fileId} not found.`);
    if (context.query.get('alt') !== 'media') return googleErrorReply('INVALID_ARGUMENT', 'files:download needs alt=media.');
    context.record.jobId = operation.id;
    operation.requestCounts.download += 1;
    if (!this.#downloadRedirect) return bytesReply(200, operation.video.bytes, operation.video.contentType);
    const signature = randomBytes(16).toString('hex');
    this.#storageSignatures.set(signature, fileId as string);
    return { status: 302, headers: { location: `${context.origin}/storage/videos/${fileId}.mp4?X-Goog-Signature=${signature}` } };
  }

  /** The signed storage URL: no API key needed, only the signature. */
  #storage(context: RequestContext<GooglePhase>): HttpReply {
    const fileId = (context.params.fileName ?? '').replace(/\.mp4$/, '');
    const operation = this.#storageSignatures.get(context.query.get('X-Goog-Signature') ?? '') === fileId ? this.#files.get(fileId) : undefined;
    if (!operation) {
      return { status: 403, body: "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access denied.</Message></Error>", headers: { 'content-type': 'application/xml' } };
    }
    context.record.jobId = operation.id;
    operation.requestCounts.storage += 1;
    return bytesReply(200, operation.video.bytes, operation.video.contentType);
  }
}

/** Creates a fake Google server and starts it; close it with `close()`. */
export async function startGoogleServer(options: GoogleServerOptions = {}): Promise<GoogleFakeServer> {
  const server = new GoogleFakeServer(options);
  await server.start();
  return server;
}
