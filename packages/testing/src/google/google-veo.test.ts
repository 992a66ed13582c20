import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_GOOGLE_API_KEY } from './google-credentials';
import { GoogleFakeServer, startGoogleServer } from './google-server';
import { googleErrorBody, googleRetryInfo } from './google-status';
import { PREDICT_LONG_RUNNING_RESPONSE, RAI_FILTERED_REASON, VERTEX_VIDEO_RESPONSE } from './google-veo-operation';
import { call, geminiHeaders, pollUntilDone, vertexHeaders, vertexModelPath } from './test-support/google-http';

let google: GoogleFakeServer;

beforeEach(async () => {
  google = await startGoogleServer();
});

afterEach(async () => {
  await google.close();
});

const veoBody = (parameters: Record<string, unknown> = {}, instance: Record<string, unknown> = {}) => ({
  instances: [{ prompt: 'A calm lake at sunrise', ...instance }],
  parameters: { durationSeconds: 4, ...parameters },
});

const submitPath = '/v1beta/models/veo-3.1-generate-preview:predictLongRunning';

describe('Veo on the Gemini API', () => {
  it('starts an operation, reports it running with only its name, then done with download URIs', async () => {
    // Long enough that the first poll sees it running even on a loaded machine.
    google.scriptNext({ runMs: 1500 });
    const submitted = await call(google, 'POST', submitPath, { body: veoBody({ sampleCount: 2 }) });
    expect(submitted.status).toBe(200);
    const name = submitted.body.name as string;
    expect(name).toMatch(/^models\/veo-3\.1-generate-preview\/operations\/[a-z0-9]{12}$/);
    expect(Object.keys(submitted.body)).toEqual(['name']);
    expect((await call(google, 'GET', `/v1beta/${name}`)).body).toEqual({ name });
    const done = await pollUntilDone(google, name);
    const response = done.response as { '@type': string; generateVideoResponse: { generatedSamples: { video: { uri: string } }[] } };
    expect(response['@type']).toBe(PREDICT_LONG_RUNNING_RESPONSE);
    const uris = response.generateVideoResponse.generatedSamples.map((sample) => sample.video.uri);
    expect(uris).toHaveLength(2);
    for (const uri of uris) expect(uri).toMatch(new RegExp(`^${google.url}/v1beta/files/[a-z0-9]+:download\\?alt=media$`));
    const info = google.operation(name);
    expect(info).toMatchObject({ model: 'veo-3.1-generate-preview', api: 'gemini', request: veoBody({ sampleCount: 2 }) });
    expect(info?.requestCounts.operation).toBeGreaterThanOrEqual(2);
  });

  it('downloads with the key through a 302 to a signed storage URL that needs no key', async () => {
    const { body } = await call(google, 'POST', submitPath, { body: veoBody() });
    const done = await pollUntilDone(google, body.name as string);
    const uri = (done.response as { generateVideoResponse: { generatedSamples: { video: { uri: string } }[] } }).generateVideoResponse.generatedSamples[0]?.video.uri as string;
    const redirect = await fetch(uri, { headers: { 'x-goog-api-key': FAKE_GOOGLE_API_KEY }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') as string;
    expect(location.startsWith(`${google.url}/storage/videos/`)).toBe(true);
    const video = await fetch(location);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    const bytes = new Uint8Array(await video.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
    expect((await fetch(uri)).status).toBe(403);
    expect((await fetch(location.replace(/Signature=\w+/, 'Signature=forged'))).status).toBe(403);
    expect(google.requests({ phase: 'download' })[0]?.headers['x-goog-api-key']).toBe('[REDACTED]');
  });

  it('serves the bytes directly without the redirect, and inline encodedVideo when configured', async () => {
    await google.close();
    google = await startGoogleServer({ downloadRedirect: false, videoDelivery: 'inline' });
    const { body } = await call(google, 'POST', submitPath, { body: veoBody() });
    const done = await pollUntilDone(google, body.name as string);
    const video = (done.response as { generateVideoResponse: { generatedSamples: { video: Record<string, string> }[] } }).generateVideoResponse.generatedSamples[0]?.video;
    expect(video?.encoding).toBe('video/mp4');
    expect(Buffer.from(video?.encodedVideo ?? '', 'base64').subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('reports a safety-filtered job with raiMediaFilteredCount and reasons, and no samples', async () => {
    google.scriptNext({ outcome: 'moderation' });
    const { body } = await call(google, 'POST', submitPath, { body: veoBody() });
    const done = await pollUntilDone(google, body.name as string);
    expect(done.response).toEqual({ '@type': PREDICT_LONG_RUNNING_RESPONSE, generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: [RAI_FILTERED_REASON] } });
  });

  it('reports a failed job as a google.rpc.Status error', async () => {
    google.scriptNext({ outcome: { error: 'Video generation failed.', errorType: 'UNAVAILABLE' } });
    const { body } = await call(google, 'POST', submitPath, { body: veoBody() });
    const done = await pollUntilDone(google, body.name as string);
    expect(done).toEqual({ name: body.name, done: true, error: { code: 14, message: 'Video generation failed.' } });
  });

  it('refuses what the Gemini API does not take, naming the field', async () => {
    const refused = await call(google, 'POST', submitPath, {
      body: veoBody({ seed: 3, generateAudio: true, personGeneration: 'everyone' }, { image: { gcsUri: 'gs://b/i.png', mimeType: 'image/png' } }),
    });
    expect(refused.status).toBe(400);
    const error = refused.body.error as { status: string; message: string; details: { fieldViolations: { field: string }[] }[] };
    expect(error.status).toBe('INVALID_ARGUMENT');
    expect(error.details[0]?.fieldViolations.map((violation) => violation.field)).toEqual([
      'instances[0].image.gcsUri',
      'parameters.seed',
      'parameters.generateAudio',
      'parameters.personGeneration',
    ]);
    expect(google.operations()).toHaveLength(0);
    for (const casing of ['allow_adult', 'ALLOW_ADULT', 'Allow_Adult']) {
      expect((await call(google, 'POST', submitPath, { body: veoBody({ personGeneration: casing }) })).status).toBe(200);
    }
  });

  it('checks the API key: 403 without one, 400 API_KEY_INVALID with a wrong one, ?key= accepted and redacted', async () => {
    const missing = await call(google, 'POST', submitPath, { body: veoBody(), headers: { 'content-type': 'application/json' } });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED' } });
    const wrong = await call(google, 'POST', submitPath, { body: veoBody(), headers: { 'x-goog-api-key': 'AIzaSyWrongKey-0123456789abcdef0123' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } });
    expect(JSON.stringify(wrong.body)).not.toContain('WrongKey');
    const byQuery = await call(google, 'POST', `${submitPath}?key=${FAKE_GOOGLE_API_KEY}`, { body: veoBody(), headers: { 'content-type': 'application/json' } });
    expect(byQuery.status).toBe(200);
    expect(google.requests().at(-1)?.query).toEqual({ key: '[REDACTED]' });
    expect(JSON.stringify(google.requests())).not.toContain(FAKE_GOOGLE_API_KEY);
  });

  it('answers Google 404s for unknown models, methods, versions and operations', async () => {
    for (const path of ['/v1beta/models/veo-9-unknown:predictLongRunning', '/v1beta/models/imagen-4.0-generate-001:predictLongRunning', '/v7/models/veo-2.0-generate-001:predictLongRunning']) {
      const answer = await call(google, 'POST', path, { body: veoBody() });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    }
    expect((await call(google, 'GET', '/v1beta/models/veo-2.0-generate-001/operations/nope')).status).toBe(404);
  });

  it('injects faults per phase, e.g. a 429 with RetryInfo on one submit and a 503 on one poll', async () => {
    const quota = googleErrorBody('RESOURCE_EXHAUSTED', 'Quota exceeded.', [googleRetryInfo('2s')]);
    google.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 429, body: quota } });
    google.injectFault({ phase: 'operation', fault: { kind: 'respond', status: 503, body: googleErrorBody('UNAVAILABLE', 'Try again.') } });
    expect(await call(google, 'POST', submitPath, { body: veoBody() })).toMatchObject({ status: 429, body: quota });
    const { body } = await call(google, 'POST', submitPath, { body: veoBody() });
    expect((await call(google, 'GET', `/v1beta/${body.name}`)).status).toBe(503);
    expect((await call(google, 'GET', `/v1beta/${body.name}`)).status).toBe(200);
    expect(google.countRequests({ phase: 'submit' })).toBe(2);
    expect(google.operations()).toHaveLength(1);
  });
});

describe('Veo on Vertex AI', () => {
  it('needs a bearer token, names operations under the project and answers fetchPredictOperation', async () => {
    const path = vertexModelPath('veo-3.1-generate-001');
    const unauthenticated = await call(google, 'POST', `${path}:predictLongRunning`, { body: veoBody(), headers: geminiHeaders });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body).toMatchObject({ error: { status: 'UNAUTHENTICATED' } });
    google.scriptNext({ runMs: 30 });
    const { body } = await call(google, 'POST', `${path}:predictLongRunning`, { body: veoBody({ seed: 7, generateAudio: true, sampleCount: 2 }), headers: vertexHeaders });
    const name = body.name as string;
    expect(name).toMatch(/^projects\/demo-project\/locations\/us-central1\/publishers\/google\/models\/veo-3\.1-generate-001\/operations\/[0-9a-f-]{36}$/);
    let operation: Record<string, unknown> = {};
    while (operation.done !== true) {
      operation = (await call(google, 'POST', `${path}:fetchPredictOperation`, { body: { operationName: name }, headers: vertexHeaders })).body;
    }
    const response = operation.response as { '@type': string; videos: { bytesBase64Encoded: string; mimeType: string }[] };
    expect(response['@type']).toBe(VERTEX_VIDEO_RESPONSE);
    expect(response.videos).toHaveLength(2);
    expect(response.videos[0]?.mimeType).toBe('video/mp4');
    expect(google.requests({ phase: 'operation' }).every((request) => request.jobId === google.operation(name)?.id)).toBe(true);
    const otherModel = await call(google, 'POST', `${vertexModelPath('veo-2.0-generate-001')}:fetchPredictOperation`, { body: { operationName: name }, headers: vertexHeaders });
    expect(otherModel.status).toBe(404);
  });

  it('writes to Cloud Storage URIs when storageUri is given', async () => {
    const path = vertexModelPath('veo-3.0-generate-001', 'v1beta1');
    const { body } = await call(google, 'POST', `${path}:predictLongRunning`, { body: veoBody({ storageUri: 'gs://bucket/out/' }), headers: vertexHeaders });
    const operation = (await call(google, 'POST', `${path}:fetchPredictOperation`, { body: { operationName: body.name }, headers: vertexHeaders })).body;
    const id = google.operation(body.name as string)?.id;
    expect((operation.response as { videos: unknown[] }).videos).toEqual([{ gcsUri: `gs://bucket/out/${id}/sample_0.mp4`, mimeType: 'video/mp4' }]);
  });
});
