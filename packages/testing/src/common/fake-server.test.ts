import { afterEach, describe, expect, it } from 'vitest';
import { FakeServer, type FakeServerOptions } from './fake-server';
import { jsonReply } from './http-reply';

type EchoPhase = 'echo' | 'events' | 'job';

/** A minimal provider server: how a new provider plugs into the toolkit. */
class EchoServer extends FakeServer<EchoPhase> {
  constructor(options: FakeServerOptions = {}) {
    super({ name: 'echo', phases: ['echo', 'events', 'job'], streamingPhases: ['events'], secrets: ['echo-secret-key'] }, options);
    this.route('POST', '/echo', { phase: 'echo' }, (context) => jsonReply(200, { body: context.body, origin: context.origin }));
    this.route('GET', '/jobs/:id', { phase: 'job', jobIdParam: 'id' }, (context) => jsonReply(200, { id: context.jobId }));
    this.route('GET', '/events', { phase: 'events' }, (context) => {
      const stream = context.openEventStream();
      for (let index = 1; index <= 3; index++) stream.send({ index });
      if (context.query.get('end') === '1') stream.end();
      return undefined;
    });
  }
}

const servers: EchoServer[] = [];

async function start(options?: FakeServerOptions): Promise<EchoServer> {
  const server = new EchoServer(options);
  servers.push(server);
  await server.start();
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('FakeServer', () => {
  it('listens on 127.0.0.1 with a free port and builds URLs from its own origin', async () => {
    const server = await start();
    const running = await server.start();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.port).toBe(server.port);
    const response = await fetch(`${server.url}/echo`, { method: 'POST', body: JSON.stringify({ a: 1 }), headers: { 'content-type': 'application/json' } });
    expect(await response.json()).toEqual({ body: { kind: 'json', value: { a: 1 } }, origin: server.url });
  });

  it('records requests with redacted secrets, the response status and the job id', async () => {
    const server = await start();
    await fetch(`${server.url}/echo?key=abc`, {
      method: 'POST',
      headers: { authorization: 'Bearer echo-secret-key', 'x-trace': 'echo-secret-key', 'content-type': 'application/json' },
      body: '{}',
    });
    await fetch(`${server.url}/jobs/j-7`);
    await fetch(`${server.url}/nowhere`);
    const [echo, job, unknown] = server.requests();
    expect(echo).toMatchObject({ method: 'POST', path: '/echo', query: { key: '[REDACTED]' }, phase: 'echo', status: 200, bodyKind: 'json', body: {} });
    expect(echo?.headers.authorization).toBe('[REDACTED]');
    expect(echo?.headers['x-trace']).toBe('[REDACTED]');
    expect(JSON.stringify(server.requests())).not.toContain('echo-secret-key');
    expect(job).toMatchObject({ phase: 'job', jobId: 'j-7', status: 200 });
    expect(unknown).toMatchObject({ phase: undefined, status: 404 });
    expect(server.countRequests({ phase: 'job', jobId: 'j-7' })).toBe(1);
  });

  it('answers 405 for a known path with another method and 413 past the body limit', async () => {
    const server = await start({ maxBodyBytes: 10 });
    expect((await fetch(`${server.url}/echo`)).status).toBe(405);
    expect((await fetch(`${server.url}/echo`, { method: 'POST', body: 'x'.repeat(11) })).status).toBe(413);
  });

  it('streams server-sent events and ends them cleanly', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/events?end=1`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(await response.text()).toBe('data: {"index":1}\n\ndata: {"index":2}\n\ndata: {"index":3}\n\n');
  });

  it('writes keep-alive comments on an idle stream', async () => {
    const server = await start({ streamKeepAliveMs: 10 });
    const reader = (await fetch(`${server.url}/events`)).body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': keep-alive\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain(': keep-alive\n\n');
    await reader.cancel();
  });

  it('destroys open streams and hung requests on close', async () => {
    const server = await start();
    const stream = await fetch(`${server.url}/events`);
    // Settle-handlers attached now: both fail while close() runs.
    const streamEnd = stream.text().then(
      () => 'ended',
      () => 'broken',
    );
    server.injectFault({ phase: 'job', fault: { kind: 'hang' } });
    const hung = fetch(`${server.url}/jobs/x`).then(
      () => 'answered',
      () => 'broken',
    );
    await expect.poll(() => server.countRequests({ phase: 'job' })).toBe(1);
    await server.close();
    expect(await streamEnd).toBe('broken');
    expect(await hung).toBe('broken');
  });

  it('refuses a bad port, naming it', () => {
    expect(() => new EchoServer({ port: 70_000 })).toThrow('port must be an integer from 0 to 65535; got 70000.');
  });
});

describe('fault injection', () => {
  it('responds with a status, body and headers for the next N matching requests', async () => {
    const server = await start();
    const handle = server.injectFault({ phase: 'job', times: 2, fault: { kind: 'respond', status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '3' } } });
    const first = await fetch(`${server.url}/jobs/a`);
    expect([first.status, first.headers.get('retry-after'), await first.json()]).toEqual([429, '3', { error: 'slow down' }]);
    expect((await fetch(`${server.url}/jobs/a`)).status).toBe(429);
    expect((await fetch(`${server.url}/jobs/a`)).status).toBe(200);
    expect([handle.applied, handle.remaining]).toEqual([2, 0]);
    expect(server.requests({ phase: 'job' }).map((entry) => entry.fault)).toEqual(['respond', 'respond', undefined]);
  });

  it('targets one job only when given a job id', async () => {
    const server = await start();
    server.injectFault({ phase: 'job', jobId: 'b', times: Infinity, fault: { kind: 'respond', status: 503 } });
    expect((await fetch(`${server.url}/jobs/a`)).status).toBe(200);
    expect((await fetch(`${server.url}/jobs/b`)).status).toBe(503);
    expect((await fetch(`${server.url}/jobs/b`)).status).toBe(503);
  });

  it('resets the connection, sends malformed JSON, or delays then answers', async () => {
    const server = await start();
    server.injectFault({ phase: 'job', fault: { kind: 'reset' } });
    await expect(fetch(`${server.url}/jobs/a`)).rejects.toThrow(/fetch failed/);
    server.injectFault({ phase: 'job', fault: { kind: 'malformed-json', status: 202 } });
    const malformed = await fetch(`${server.url}/jobs/a`);
    expect(malformed.status).toBe(202);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    server.injectFault({ phase: 'job', fault: { kind: 'delay', ms: 20 } });
    expect(await (await fetch(`${server.url}/jobs/a`)).json()).toEqual({ id: 'a' });
    expect(server.requests({ phase: 'job' }).map((entry) => entry.fault)).toEqual(['reset', 'malformed-json', 'delay']);
  });

  it('drops a stream after N events', async () => {
    const server = await start();
    server.injectFault({ phase: 'events', fault: { kind: 'drop-stream', afterEvents: 1 } });
    const response = await fetch(`${server.url}/events?end=1`);
    const reader = response.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    await expect(
      (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value);
        }
      })(),
    ).rejects.toThrow();
    expect(text).toBe('data: {"index":1}\n\n');
  });

  it('rejects bad rules, naming the field and the value', async () => {
    const server = await start();
    expect(() => server.injectFault({ phase: 'nope' as EchoPhase, fault: { kind: 'reset' } })).toThrow(
      'fault phase must be one of "echo", "events", "job"; got "nope".',
    );
    expect(() => server.injectFault({ phase: 'job', fault: { kind: 'respond', status: 700 } })).toThrow(
      'fault.status must be an HTTP status from 100 to 599; got 700.',
    );
    expect(() => server.injectFault({ phase: 'job', fault: { kind: 'drop-stream', afterEvents: 1 } })).toThrow(
      'a "drop-stream" fault needs a streaming phase ("events"); got "job".',
    );
    expect(() => server.injectFault({ phase: 'job', times: 0, fault: { kind: 'hang' } })).toThrow('fault times must be a positive integer or Infinity; got 0.');
    expect(() => server.injectFault({ phase: 'job', fault: { kind: 'delay', ms: -1 } })).toThrow('fault.ms must be a finite number >= 0; got -1.');
  });
});
