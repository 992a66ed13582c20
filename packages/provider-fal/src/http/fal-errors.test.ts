import { ContentModerationError, GenerationFailedError, HTTPError, ValidationError, type ErrorPhase } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { falHttpError, falJobFailure, parseExpectedValues } from './fal-errors';

function failure(status: number, phase: ErrorPhase, headers: Record<string, string> = {}, body: unknown = { detail: 'nope' }) {
  return { status, phase, headers: new Headers(headers), body, provider: 'fal', model: 'fal-ai/veo3.1' };
}

describe('falHttpError at submit: may fal have accepted the job?', () => {
  it.each([
    [429, {}, false],
    [503, {}, false],
    [408, {}, false],
    [400, {}, false],
    [502, {}, false],
    [504, {}, false],
    [502, { 'x-fal-request-id': 'r' }, true],
    [504, { 'x-fal-request-id': 'r', 'x-fal-request-timeout-type': 'user' }, true],
    [500, {}, true],
  ] as const)('HTTP %i %j → jobMayExist %s', (status, headers, mayExist) => {
    expect(falHttpError(failure(status, 'submit', headers)).jobMayExist).toBe(mayExist);
  });

  it('never marks a job on other phases, keeps Retry-After and honours x-fal-retryable: false', () => {
    expect(falHttpError(failure(500, 'status')).jobMayExist).toBe(false);
    expect(falHttpError({ ...failure(429, 'submit'), retryAfterMs: 2000 })).toMatchObject({ retryAfterMs: 2000, isRetryable: true });
    expect(falHttpError(failure(500, 'result', { 'x-fal-retryable': 'false' }))).toMatchObject({ isRetryable: false });
    const error = falHttpError(failure(401, 'submit', { 'x-fal-error-type': 'unauthorized' }, { detail: 'Authentication is required' }));
    expect(error).toBeInstanceOf(HTTPError);
    expect(error.message).toBe('fal answered HTTP 401 during submit (unauthorized): Authentication is required');
  });

  it('tells content-policy refusals and field errors apart', () => {
    const moderated = { detail: [{ loc: ['body', 'prompt'], msg: 'flagged', type: 'content_policy_violation', input: 'x' }] };
    expect(falHttpError(failure(422, 'submit', {}, moderated))).toBeInstanceOf(ContentModerationError);
    const fields = { detail: [{ loc: ['body', 'num_images'], msg: 'Input should be less than or equal to 4', type: 'less_than_equal', input: 9, ctx: { le: 4 } }] };
    expect(falHttpError(failure(422, 'submit', {}, fields))).toMatchObject({ name: 'ValidationError', field: 'num_images', value: 9 });
  });
});

describe('falJobFailure', () => {
  const base = { provider: 'fal', model: 'm', requestId: 'r1' };
  it('reads the failed result, falling back on the status error', () => {
    expect(falJobFailure({ ...base, error: 'flagged', errorType: 'content_policy_violation' })).toBeInstanceOf(ContentModerationError);
    const late = falJobFailure({ ...base, error: 'bad', errorType: undefined, result: { status: 422, headers: undefined, body: { detail: [{ loc: ['body', 'image_url'], msg: 'too small', type: 'image_too_small' }] } } });
    expect(late).toBeInstanceOf(ValidationError);
    const failed = falJobFailure({ ...base, error: 'OOM', errorType: 'runner_server_error', result: { status: 500, headers: new Headers(), body: { detail: 'CUDA OOM' } } });
    expect(failed).toBeInstanceOf(GenerationFailedError);
    expect(failed).toMatchObject({ isRetryable: true, providerErrorType: 'runner_server_error', message: 'fal job r1 failed [runner_server_error]: OOM (HTTP 500: CUDA OOM)' });
  });
});

describe('parseExpectedValues', () => {
  it('reads pydantic text and lists', () => {
    expect(parseExpectedValues("'4s', '6s' or '8s'")).toEqual(['4s', '6s', '8s']);
    expect(parseExpectedValues('4, 8 or 12')).toEqual([4, 8, 12]);
    expect(parseExpectedValues(["16:9", "9:16"])).toEqual(['16:9', '9:16']);
    expect(parseExpectedValues(undefined)).toBeUndefined();
  });
});
