import { describe, expect, it } from 'vitest';
import { RequestRecorder, type RecordedRequest } from './request-recorder';

function request(recorder: RequestRecorder, overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    seq: recorder.nextSeq(),
    method: 'GET',
    path: '/a',
    query: {},
    headers: {},
    bodyKind: 'empty',
    body: undefined,
    at: Date.now(),
    phase: undefined,
    jobId: undefined,
    status: 200,
    fault: undefined,
    ...overrides,
  };
}

describe('RequestRecorder', () => {
  it('filters by method, exact path or pattern, phase, job and status', () => {
    const recorder = new RequestRecorder();
    recorder.add(request(recorder, { method: 'POST', path: '/fal-ai/x', phase: 'submit', jobId: 'j1', status: 201 }));
    recorder.add(request(recorder, { path: '/fal-ai/x/requests/j1/status', phase: 'status', jobId: 'j1', status: 202 }));
    recorder.add(request(recorder, { path: '/fal-ai/x/requests/j2/status', phase: 'status', jobId: 'j2', status: 200 }));
    expect(recorder.count({ method: 'post' })).toBe(1);
    expect(recorder.count({ path: '/fal-ai/x' })).toBe(1);
    expect(recorder.count({ path: /\/status$/ })).toBe(2);
    expect(recorder.requests({ phase: 'status', jobId: 'j1' }).map((entry) => entry.status)).toEqual([202]);
    expect(recorder.count({ status: 200 })).toBe(1);
    expect(recorder.requests().map((entry) => entry.seq)).toEqual([1, 2, 3]);
  });

  it('stays bounded by dropping the oldest entries and counts what it dropped', () => {
    const recorder = new RequestRecorder({ maxRequests: 10 });
    for (let index = 0; index < 25; index++) recorder.add(request(recorder, { path: `/${index}` }));
    expect(recorder.count()).toBeLessThanOrEqual(10);
    expect(recorder.dropped + recorder.count()).toBe(25);
    expect(recorder.requests().at(-1)?.path).toBe('/24');
  });

  it('records nothing when disabled but still numbers requests', () => {
    const recorder = new RequestRecorder({ enabled: false });
    recorder.add(request(recorder));
    expect(recorder.count()).toBe(0);
    expect(recorder.nextSeq()).toBe(2);
  });

  it('rejects a bad bound, naming the value', () => {
    expect(() => new RequestRecorder({ maxRequests: 0 })).toThrow('recording.maxRequests must be a positive integer; got 0.');
  });
});
