import { describe, expect, it } from 'vitest';
import { Router } from './router';

describe('Router', () => {
  const router = new Router<string>()
    .add('GET', '/.well-known/jwks.json', 'jwks')
    .add('GET', '/*prefix/requests/:id/status', 'status')
    .add('GET', '/*prefix/requests/:id', 'result')
    .add('POST', '/*', 'submit')
    .add('*', '/any/:thing', 'any-method');

  it('matches literals, parameters and a multi-segment wildcard', () => {
    expect(router.match('GET', '/.well-known/jwks.json')).toEqual({ value: 'jwks', params: {} });
    expect(router.match('GET', '/fal-ai/veo3.1/fast/requests/abc/status')).toEqual({
      value: 'status',
      params: { prefix: 'fal-ai/veo3.1/fast', id: 'abc' },
    });
    expect(router.match('get', '/fal-ai/veo3.1/requests/abc')).toEqual({ value: 'result', params: { prefix: 'fal-ai/veo3.1', id: 'abc' } });
    expect(router.match('POST', '/workflows/me/app/x')).toEqual({ value: 'submit', params: { '*': 'workflows/me/app/x' } });
  });

  it('needs at least one segment for a wildcard and an exact segment count otherwise', () => {
    expect(router.match('GET', '/requests/abc/status')).toBeUndefined();
    expect(router.match('POST', '/')).toBeUndefined();
    expect(router.match('GET', '/.well-known/jwks.json/extra')).toBeUndefined();
  });

  it('decodes percent-encoded segments and ignores empty ones', () => {
    expect(router.match('GET', '/a%20b//requests/x%2Fy/status')?.params).toEqual({ prefix: 'a b', id: 'x/y' });
  });

  it('lets "*" match any method and reports paths known under another method', () => {
    expect(router.match('DELETE', '/any/one')?.value).toBe('any-method');
    expect(router.match('DELETE', '/fal-ai/x/requests/1')).toBeUndefined();
    expect(router.matchesOtherMethod('DELETE', '/fal-ai/x/requests/1')).toBe(true);
    expect(router.matchesOtherMethod('POST', '/x/y/z')).toBe(false);
  });

  it('tries routes in the order they were added', () => {
    const ordered = new Router<number>().add('GET', '/a/:x', 1).add('GET', '/a/b', 2);
    expect(ordered.match('GET', '/a/b')?.value).toBe(1);
  });

  it('rejects malformed patterns with the pattern in the message', () => {
    expect(() => new Router().add('GET', 'no-slash', 1)).toThrow(/"no-slash" must start with "\/"/);
    expect(() => new Router().add('GET', '/a/:', 1)).toThrow(/without a parameter name/);
  });
});
