import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTPConnectionError, HTTPError } from '../errors/index';
import type { CallContext } from '../provider/call-context';
import { silentLogger } from '../runtime/logger';
import { readJsonBody, sendProviderRequest } from './provider-request';
import { withRequestTimeout } from './with-request-timeout';
import { parseDurationString, parseRetryAfter } from './retry-after';
import { parseServerSentEvents } from './server-sent-events';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/throttled') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' });
      res.end('{"detail":"slow down"}');
    } else if (req.url === '/reset') {
      req.socket.destroy();
    } else if (req.url === '/garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"request_id": ');
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: `${origin}/echo` });
      res.end();
    } else if (req.url === '/echo') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, contentType: req.headers['content-type'], body }));
      });
    } else {
      res.writeHead(500);
      res.end('plain failure');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function context(signal = new AbortController().signal): CallContext {
  return {
    provider: 'p',
    model: 'm',
    modality: 'video',
    apiKey: 'k',
    baseUrl: undefined,
    providerConfig: {},
    webhookUrl: undefined,
    pollIntervalMs: 10,
    fetch: (input, init) => fetch(input, init),
    signal,
    deadline: Date.now() + 10_000,
    logger: silentLogger,
    registerSecret: () => undefined,
    config: { provider: 'p', model: 'm' },
  };
}

describe('sendProviderRequest', () => {
  it('sends JSON and returns 2xx responses', async () => {
    const response = await sendProviderRequest(context(), { method: 'POST', url: `${origin}/echo`, json: { a: 1 }, phase: 'submit' });
    expect(await response.json()).toEqual({ method: 'POST', contentType: 'application/json', body: '{"a":1}' });
  });

  it('maps error statuses with Retry-After', async () => {
    const error = await sendProviderRequest(context(), { method: 'POST', url: `${origin}/throttled`, phase: 'submit' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ statusCode: 429, retryAfterMs: 3000, isRetryable: true, jobMayExist: false, rawResponse: { detail: 'slow down' } });
    expect((error as Error).message).toContain('slow down');
    const plain = await sendProviderRequest(context(), { method: 'GET', url: `${origin}/other`, phase: 'status' }).catch((e: unknown) => e);
    expect(plain).toMatchObject({ statusCode: 500, rawResponse: 'plain failure' });
  });

  it('classifies connection failures by whether the request could have arrived', async () => {
    const reset = await sendProviderRequest(context(), { method: 'POST', url: `${origin}/reset`, json: {}, phase: 'submit' }).catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(HTTPConnectionError);
    expect(reset).toMatchObject({ jobMayExist: true });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await sendProviderRequest(context(), { method: 'POST', url: `http://127.0.0.1:${port}/x`, json: {}, phase: 'submit' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'HTTPConnectionError', code: 'ECONNREFUSED', jobMayExist: false });
  });

  it('hands back redirects when asked to follow them manually', async () => {
    const response = await sendProviderRequest(context(), { method: 'GET', url: `${origin}/moved`, phase: 'download', redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${origin}/echo`);
    const followed = await sendProviderRequest(context(), { method: 'GET', url: `${origin}/moved`, phase: 'download' });
    expect(await followed.json()).toMatchObject({ method: 'GET' });
  });

  it('rethrows the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('deadline');
    controller.abort(reason);
    await expect(sendProviderRequest(context(controller.signal), { method: 'GET', url: `${origin}/echo`, phase: 'status' })).rejects.toBe(reason);
  });

  it('treats malformed JSON as retryable, and as a possible job at submit', async () => {
    const response = await sendProviderRequest(context(), { method: 'POST', url: `${origin}/garbage`, phase: 'submit' });
    const error = await readJsonBody(response, context(), 'submit').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HTTPError', isRetryable: true, jobMayExist: true });
  });
});

describe('withRequestTimeout', () => {
  it('turns a provider that stops answering into a retryable connection error', async () => {
    const hang = (signal: AbortSignal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const submit = await withRequestTimeout(context(), 'submit', 20, hang).catch((e: unknown) => e);
    expect(submit).toMatchObject({ name: 'HTTPConnectionError', code: 'ETIMEDOUT', isRetryable: true, jobMayExist: true });
    const status = await withRequestTimeout(context(), 'status', 20, hang).catch((e: unknown) => e);
    expect(status).toMatchObject({ jobMayExist: false });
  });

  it('is an idle bound: touching keeps a slow stream alive', async () => {
    // Four 250 ms gaps outlast a 1 s bound in total; each stays well inside it.
    const result = await withRequestTimeout(context(), 'status', 1000, async (_signal, touch) => {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 250));
        touch();
      }
      return 'done';
    });
    expect(result).toBe('done');
  });

  it('passes the caller abort through unchanged', async () => {
    const controller = new AbortController();
    const reason = new Error('caller');
    const running = withRequestTimeout(context(controller.signal), 'status', 10_000, (signal) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))));
    controller.abort(reason);
    await expect(running).rejects.toBe(reason);
  });
});

describe('retry headers', () => {
  it('prefers retry-after-ms, then seconds, then dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), Date.UTC(2026, 0, 1))).toBe(10_000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });

  it('reads Go/Google duration strings', () => {
    expect(parseDurationString('30s')).toBe(30_000);
    expect(parseDurationString('6m0s')).toBe(360_000);
    expect(parseDurationString('12ms')).toBe(12);
    expect(parseDurationString('soon')).toBeUndefined();
  });
});

describe('parseServerSentEvents', () => {
  const streamOf = (...chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });

  it('handles split chunks, comments, multi-line data and CRLF, reporting every chunk', async () => {
    const events = [];
    let chunks = 0;
    const stream = streamOf(': keep-alive\n\nda', 'ta: {"a":1}\n\nevent: x\r\ndata: l1\r\ndata: l2\r\nid: 7\r\n\r\ndata: tail');
    for await (const e of parseServerSentEvents(stream, { onChunk: () => chunks++ })) events.push(e);
    expect(chunks).toBe(2);
    expect(events).toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'x', data: 'l1\nl2', id: '7' },
    ]);
  });

  it('cancels the stream when the consumer stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of parseServerSentEvents(stream)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
