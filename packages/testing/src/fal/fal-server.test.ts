import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { falHeaders, getJson, parseEvents, submit } from '../test-support/fal-http';
import { FAKE_FAL_KEY, FalFakeServer, startFalServer } from './fal-server';

let fal: FalFakeServer;

beforeEach(async () => {
  fal = await startFalServer();
});

afterEach(async () => {
  await fal.close();
});

describe('fal submit', () => {
  it('accepts the full endpoint id and answers with app-only URLs on its own origin', async () => {
    const { response, body } = await submit(fal, 'fal-ai/veo3.1/fast/image-to-video', { prompt: 'lake' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fal-request-id')).toBe(body.request_id);
    const base = `${fal.url}/fal-ai/veo3.1/requests/${body.request_id}`;
    expect(body).toEqual({
      request_id: body.request_id,
      response_url: base,
      status_url: `${base}/status`,
      cancel_url: `${base}/cancel`,
      queue_position: 0,
      gateway_request_id: expect.any(String),
      status: 'IN_QUEUE',
    });
    expect(fal.job(body.request_id)).toMatchObject({ endpointId: 'fal-ai/veo3.1/fast/image-to-video', input: { prompt: 'lake' } });
  });

  it('shifts owner/app after a workflows/ or comfy/ namespace', async () => {
    const { body } = await submit(fal, 'workflows/me/my-flow/run', { prompt: 'x' });
    expect(body.status_url).toBe(`${fal.url}/workflows/me/my-flow/requests/${body.request_id}/status`);
    expect((await getJson(body.status_url)).status).toBe(200);
  });

  it('rejects a missing, malformed or unknown key with 401 and never echoes the key', async () => {
    const url = `${fal.url}/fal-ai/veo3.1`;
    const missing = await fetch(url, { method: 'POST', body: '{}' });
    const wrongScheme = await fetch(url, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${FAKE_FAL_KEY}` } });
    const wrongKey = await fetch(url, { method: 'POST', body: '{}', headers: { authorization: 'Key someone-elses-key:secret' } });
    for (const response of [missing, wrongScheme, wrongKey]) {
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ detail: expect.any(String) });
      expect(text).not.toContain('secret');
    }
    expect(fal.jobs()).toHaveLength(0);
  });

  it('answers 422 in pydantic shape for a body that is not a JSON object', async () => {
    const array = await fetch(`${fal.url}/fal-ai/x`, { method: 'POST', headers: falHeaders, body: '[1]' });
    expect(array.status).toBe(422);
    expect(await array.json()).toEqual({ detail: [{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type', input: [1] }] });
    expect(fal.jobs()).toHaveLength(0);
    const broken = await fetch(`${fal.url}/fal-ai/x`, { method: 'POST', headers: falHeaders, body: '{"prompt":' });
    expect(((await broken.json()) as { detail: { type: string }[] }).detail[0]?.type).toBe('json_invalid');
  });

  it('rejects with 429 when the queue is longer than fal_max_queue_length', async () => {
    fal.scriptNext({ queueMs: 60_000 }, 2);
    await submit(fal, 'fal-ai/slow', { prompt: 'a' });
    await submit(fal, 'fal-ai/slow', { prompt: 'b' });
    const { response, body } = await submit(fal, 'fal-ai/slow', { prompt: 'c' }, { query: 'fal_max_queue_length=2' });
    expect(response.status).toBe(429);
    expect(body).toMatchObject({ detail: expect.stringContaining('fal_max_queue_length is 2') });
    expect((await submit(fal, 'fal-ai/slow', { prompt: 'd' }, { query: 'fal_max_queue_length=3' })).response.status).toBe(200);
    expect((await submit(fal, 'fal-ai/slow', {}, { query: 'fal_max_queue_length=x' })).response.status).toBe(422);
  });

  it('fails a job still queued at its X-Fal-Request-Timeout with a 504 user timeout', async () => {
    fal.scriptNext({ queueMs: 60_000 });
    const { body } = await submit(fal, 'fal-ai/slow', {}, { headers: { 'x-fal-request-timeout': '0.01' } });
    await expect.poll(async () => (await getJson(body.status_url)).body.status).toBe('COMPLETED');
    const status = await getJson(body.status_url);
    expect(status.body).toMatchObject({ error_type: 'request_timeout' });
    const result = await fetch(body.response_url, { headers: falHeaders });
    expect(result.status).toBe(504);
    expect(result.headers.get('x-fal-request-timeout-type')).toBe('user');
  });

  it('refuses a webhook URL that is not absolute http(s)', async () => {
    const { response, body } = await submit(fal, 'fal-ai/x', {}, { query: 'fal_webhook=ftp%3A%2F%2Fhost' });
    expect(response.status).toBe(422);
    expect(body).toEqual({ detail: 'fal_webhook must be an absolute http(s) URL; got "ftp://host".' });
  });
});

describe('fal status', () => {
  it('reports IN_QUEUE with a 0-based queue position, 202, response_url and a logs key', async () => {
    fal.scriptNext({ queueMs: 60_000, queuePosition: 3 });
    const { body } = await submit(fal, 'fal-ai/veo3.1', { prompt: 'x' });
    const status = await getJson(body.status_url);
    expect(status.status).toBe(202);
    expect(status.body).toEqual({
      status: 'IN_QUEUE',
      request_id: body.request_id,
      response_url: body.response_url,
      status_url: body.status_url,
      cancel_url: body.cancel_url,
      queue_position: 3,
      logs: null,
    });
    expect(body.queue_position).toBe(3);
  });

  it('reports IN_PROGRESS with logs only when asked (logs=1|true), else logs null', async () => {
    fal.scriptNext({ runMs: 60_000, logs: ['Loading model'] });
    const { body } = await submit(fal, 'fal-ai/veo3.1', { prompt: 'x' });
    for (const flag of ['1', 'true']) {
      const status = await getJson(`${body.status_url}?logs=${flag}`);
      expect(status.status).toBe(202);
      expect(status.body).toMatchObject({ status: 'IN_PROGRESS', logs: [{ message: 'Loading model', level: 'INFO', source: 'USER', timestamp: expect.any(String) }] });
    }
    for (const flag of ['0', 'false']) expect((await getJson(`${body.status_url}?logs=${flag}`)).body.logs).toBeNull();
    expect((await getJson(body.status_url)).body).toHaveProperty('logs', null);
  });

  it('reports COMPLETED with 200 and metrics; failures carry error and error_type', async () => {
    fal.scriptNext({ outcome: { error: 'GPU fell over', errorType: 'runner_server_error', httpStatus: 500 } });
    const failed = await submit(fal, 'fal-ai/veo3.1', { prompt: 'x' });
    const ok = await submit(fal, 'fal-ai/veo3.1', { prompt: 'x' });
    const completed = await getJson(ok.body.status_url);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'COMPLETED', response_url: ok.body.response_url, metrics: { inference_time: 0 }, logs: null });
    expect(completed.body).not.toHaveProperty('error');
    expect((await getJson(failed.body.status_url)).body).toMatchObject({ status: 'COMPLETED', error: 'GPU fell over', error_type: 'runner_server_error' });
  });

  it('accepts the full endpoint path as prefix too, and 404s an unknown id or a foreign prefix', async () => {
    const { body } = await submit(fal, 'fal-ai/veo3.1/fast/image-to-video', { prompt: 'x' });
    for (const prefix of ['fal-ai/veo3.1', 'fal-ai/veo3.1/fast', 'fal-ai/veo3.1/fast/image-to-video']) {
      expect((await getJson(`${fal.url}/${prefix}/requests/${body.request_id}/status`)).status).toBe(200);
    }
    const unknown = await getJson(`${fal.url}/fal-ai/veo3.1/requests/no-such-id/status`);
    expect([unknown.status, unknown.body.status]).toEqual([404, 'NOT_FOUND']);
    expect((await getJson(`${fal.url}/fal-ai/other-app/requests/${body.request_id}/status`)).status).toBe(404);
    expect((await getJson(`${fal.url}/fal-ai/veo3.1/slow/requests/${body.request_id}/status`)).status).toBe(404);
  });
});

describe('fal status stream', () => {
  it('sends an event per change with incremental logs and closes after COMPLETED', async () => {
    fal.scriptNext({ queueMs: 100, queuePosition: 1, runMs: 250, logs: ['Loading', 'Sampling'] });
    const { body } = await submit(fal, 'fal-ai/veo3.1', { prompt: 'x' });
    const response = await fetch(`${body.status_url}/stream?logs=1`, { headers: falHeaders });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseEvents(await response.text());
    const statuses = events.map((event) => event.status);
    expect(statuses.at(-1)).toBe('COMPLETED');
    expect([...new Set(statuses)]).toEqual(expect.arrayContaining(['IN_PROGRESS', 'COMPLETED']));
    expect(statuses.indexOf('IN_PROGRESS')).toBeLessThan(statuses.indexOf('COMPLETED'));
    expect(events.flatMap((event) => (event.logs as { message: string }[]).map((log) => log.message))).toEqual(['Loading', 'Sampling']);
    expect(events.every((event) => event.response_url === body.response_url)).toBe(true);
    expect(fal.job(body.request_id)?.requestCounts.stream).toBe(1);
  });

  it('sends logs null without logs=1 and one COMPLETED event for a finished job', async () => {
    const { body } = await submit(fal, 'fal-ai/veo3.1', { prompt: 'x' });
    const events = parseEvents(await (await fetch(`${body.status_url}/stream`, { headers: falHeaders })).text());
    expect(events).toEqual([expect.objectContaining({ status: 'COMPLETED', logs: null })]);
  });

  it('ends an open stream with COMPLETED when the job is cancelled', async () => {
    fal.scriptNext({ queueMs: 60_000 });
    const { body } = await submit(fal, 'fal-ai/veo3.1', { prompt: 'x' });
    const response = await fetch(`${body.status_url}/stream`, { headers: falHeaders });
    const text = response.text();
    await expect.poll(() => fal.countRequests({ phase: 'stream' })).toBe(1);
    expect((await fetch(body.cancel_url, { method: 'PUT', headers: falHeaders })).status).toBe(202);
    const events = parseEvents(await text);
    expect(events.map((event) => event.status)).toEqual(['IN_QUEUE', 'COMPLETED']);
    expect(events[1]).toMatchObject({ error_type: 'client_cancelled' });
  });
});

describe('fal result', () => {
  it('returns the bare output with x-fal-request-id and x-fal-billable-units, and serves its media', async () => {
    fal.scriptNext({ billableUnits: 3 });
    const { body } = await submit(fal, 'fal-ai/some-video-model', { prompt: 'x', duration: '4s' });
    const result = await getJson(body.response_url);
    expect(result.status).toBe(200);
    expect(result.headers.get('x-fal-request-id')).toBe(body.request_id);
    expect(result.headers.get('x-fal-billable-units')).toBe('3');
    const video = result.body.video as { url: string; content_type: string; file_size: number };
    expect(video).toMatchObject({ content_type: 'video/mp4', url: expect.stringMatching(new RegExp(`^${fal.url}/media/`)) });
    const media = await fetch(video.url);
    const bytes = Buffer.from(await media.arrayBuffer());
    expect(media.headers.get('content-type')).toBe('video/mp4');
    expect(bytes.byteLength).toBe(video.file_size);
    expect(bytes.toString('latin1', 4, 8)).toBe('ftyp');
    expect(fal.job(body.request_id)?.requestCounts).toMatchObject({ submit: 1, result: 1, media: 1 });
  });

  it('answers 400 while the job runs', async () => {
    fal.scriptNext({ runMs: 60_000 });
    const { body } = await submit(fal, 'fal-ai/x', {});
    const result = await getJson(body.response_url);
    expect([result.status, result.body]).toEqual([400, { detail: 'Request is still in progress' }]);
  });

  it('returns the failure status and body, a moderation 422, or a script-given output', async () => {
    fal.scriptNext({ outcome: { error: 'bad image', httpStatus: 422, body: { detail: [{ loc: ['body', 'image_url'], msg: 'too small', type: 'image_too_small' }] }, retryable: false } });
    fal.scriptNext({ outcome: 'moderation' });
    fal.scriptNext({ output: { custom: true } });
    const failed = await submit(fal, 'fal-ai/x', {});
    const moderated = await submit(fal, 'fal-ai/x', { prompt: 'forbidden' });
    const custom = await submit(fal, 'fal-ai/x', {});
    const failure = await getJson(failed.body.response_url);
    expect([failure.status, failure.headers.get('x-fal-retryable')]).toEqual([422, 'false']);
    expect(failure.body).toEqual({ detail: [{ loc: ['body', 'image_url'], msg: 'too small', type: 'image_too_small' }] });
    const moderation = await getJson(moderated.body.response_url);
    expect(moderation.status).toBe(422);
    expect(moderation.body).toMatchObject({ detail: [{ loc: ['body', 'prompt'], type: 'content_policy_violation', input: 'forbidden' }] });
    expect((await getJson(moderated.body.status_url)).body).toMatchObject({ status: 'COMPLETED', error_type: 'content_policy_violation' });
    expect((await getJson(custom.body.response_url)).body).toEqual({ custom: true });
  });
});

describe('fal cancel', () => {
  it('removes a queued job (202), which then completes as client_cancelled with a 499 result', async () => {
    fal.scriptNext({ queueMs: 60_000 });
    const { body } = await submit(fal, 'fal-ai/x', {});
    const cancel = await getJson(body.cancel_url, 'PUT');
    expect([cancel.status, cancel.body]).toEqual([202, { status: 'CANCELLATION_REQUESTED' }]);
    expect((await getJson(body.status_url)).body).toMatchObject({ status: 'COMPLETED', error: 'Request was cancelled', error_type: 'client_cancelled' });
    const result = await getJson(body.response_url);
    expect([result.status, result.body]).toEqual([499, { detail: 'Request was cancelled', error_type: 'client_cancelled' }]);
    expect(fal.job(body.request_id)?.state.result).toEqual({ kind: 'cancelled', while: 'queued' });
  });

  it('stops a running job, refuses a completed one (400) and 404s an unknown one', async () => {
    fal.scriptNext({ runMs: 60_000 });
    const running = await submit(fal, 'fal-ai/x', {});
    expect((await getJson(running.body.cancel_url, 'PUT')).status).toBe(202);
    expect(fal.job(running.body.request_id)?.state.result).toEqual({ kind: 'cancelled', while: 'running' });
    const done = await submit(fal, 'fal-ai/x', {});
    const refused = await getJson(done.body.cancel_url, 'PUT');
    expect([refused.status, refused.body]).toEqual([400, { status: 'ALREADY_COMPLETED' }]);
    const unknown = await getJson(`${fal.url}/fal-ai/x/requests/nope/cancel`, 'PUT');
    expect([unknown.status, unknown.body.status]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('fal fault injection', () => {
  it('fails the next submit with 429 and Retry-After, then accepts', async () => {
    fal.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 429, body: { detail: 'busy' }, headers: { 'retry-after': '1' } } });
    const refused = await submit(fal, 'fal-ai/x', {});
    expect([refused.response.status, refused.response.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await submit(fal, 'fal-ai/x', {})).response.status).toBe(200);
    expect(fal.jobs()).toHaveLength(1);
    expect(fal.countRequests({ phase: 'submit' })).toBe(2);
  });

  it('fails status polls of one job with 503, leaving others alone', async () => {
    const target = await submit(fal, 'fal-ai/x', {});
    const other = await submit(fal, 'fal-ai/x', {});
    fal.injectFault({ phase: 'status', jobId: target.body.request_id, times: 2, fault: { kind: 'respond', status: 503 } });
    expect((await fetch(other.body.status_url, { headers: falHeaders })).status).toBe(200);
    expect((await fetch(target.body.status_url, { headers: falHeaders })).status).toBe(503);
    expect((await fetch(target.body.status_url, { headers: falHeaders })).status).toBe(503);
    expect((await fetch(target.body.status_url, { headers: falHeaders })).status).toBe(200);
  });

  it('drops the status stream after N events', async () => {
    fal.scriptNext({ runMs: 60_000 });
    const { body } = await submit(fal, 'fal-ai/x', {});
    fal.injectFault({ phase: 'stream', fault: { kind: 'drop-stream', afterEvents: 1 } });
    const response = await fetch(`${body.status_url}/stream`, { headers: falHeaders });
    await expect(response.text()).rejects.toThrow();
  });

  it('resets the result connection, hangs a cancel until close, breaks upload JSON and 500s media', async () => {
    const { body } = await submit(fal, 'fal-ai/some-video', { prompt: 'x' });
    fal.injectFault({ phase: 'result', fault: { kind: 'reset' } });
    await expect(fetch(body.response_url, { headers: falHeaders })).rejects.toThrow();
    const result = await getJson(body.response_url);
    fal.injectFault({ phase: 'media', fault: { kind: 'respond', status: 500 } });
    expect((await fetch((result.body.video as { url: string }).url)).status).toBe(500);
    fal.injectFault({ phase: 'upload', fault: { kind: 'malformed-json' } });
    const upload = await fetch(`${fal.url}/storage/upload/initiate?storage_type=fal-cdn-v3`, { method: 'POST', headers: falHeaders, body: '{}' });
    await expect(upload.json()).rejects.toThrow(SyntaxError);
    fal.injectFault({ phase: 'cancel', fault: { kind: 'hang' } });
    const hung = fetch(body.cancel_url, { method: 'PUT', headers: falHeaders }).then(
      () => 'answered',
      () => 'broken',
    );
    await expect.poll(() => fal.countRequests({ phase: 'cancel' })).toBe(1);
    await fal.close();
    expect(await hung).toBe('broken');
  });
});

describe('fal recording', () => {
  it('records every request per phase and job with the key redacted', async () => {
    const { body } = await submit(fal, 'fal-ai/x', {});
    await getJson(body.status_url);
    await getJson(body.status_url);
    await getJson(body.response_url);
    expect(fal.countRequests({ phase: 'submit' })).toBe(1);
    expect(fal.countRequests({ phase: 'status', jobId: body.request_id })).toBe(2);
    expect(fal.requests({ phase: 'submit' })[0]).toMatchObject({ jobId: body.request_id, status: 200, body: {} });
    expect(fal.job(body.request_id)?.requestCounts).toMatchObject({ submit: 1, status: 2, result: 1 });
    const recorded = JSON.stringify(fal.requests());
    expect(recorded).not.toContain(FAKE_FAL_KEY);
    expect(recorded).not.toContain('fake-fal-key-secret');
  });

  it('validates its options, naming the value', () => {
    expect(() => new FalFakeServer({ validation: 'sometimes' as never })).toThrow('validation must be "submit", "fail-later" or "off"; got "sometimes".');
    expect(() => new FalFakeServer({ apiKeys: [] })).toThrow('apiKeys must be a non-empty list of non-empty strings.');
    expect(() => new FalFakeServer({ contractsDir: '/no/such/dir' })).toThrow(/contractsDir "\/no\/such\/dir" has no fal\/openapi folder/);
  });
});
