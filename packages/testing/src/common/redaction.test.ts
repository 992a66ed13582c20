import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from './redaction';

describe('Redactor', () => {
  const redactor = new Redactor(['my-configured-secret']);

  it('redacts secret header names whatever their value', () => {
    const headers = redactor.headers({
      Authorization: 'Key abc',
      'x-goog-api-key': 'AIzaSomething',
      'api-key': 'x',
      'X-API-KEY': 'y',
      'content-type': 'application/json',
    });
    expect(headers).toEqual({
      authorization: REDACTED,
      'x-goog-api-key': REDACTED,
      'api-key': REDACTED,
      'x-api-key': REDACTED,
      'content-type': 'application/json',
    });
  });

  it('redacts key-shaped values in any header, and the configured secrets anywhere in a value', () => {
    expect(redactor.header('x-custom', 'Bearer sk-abcdefghijklmnop')).toBe(REDACTED);
    expect(redactor.header('x-custom', 'r8_abcdefghijkl')).toBe(REDACTED);
    expect(redactor.header('x-custom', 'AIzaSyA1234567890abcdefghijkl')).toBe(REDACTED);
    expect(redactor.header('x-forwarded', 'prefix my-configured-secret suffix')).toBe(REDACTED);
    expect(redactor.header('x-fal-request-id', '764cabcf-b745-4b3e-ae38-1200304cf45b')).toBe('764cabcf-b745-4b3e-ae38-1200304cf45b');
  });

  it('redacts credential query parameters and joins repeated headers', () => {
    const query = redactor.query(new URLSearchParams('key=AIzaX&logs=1&a=1&a=2&other=my-configured-secret'));
    expect(query).toEqual({ key: REDACTED, logs: '1', a: ['1', '2'], other: REDACTED });
    expect(redactor.headers({ accept: ['a', 'b'] })).toEqual({ accept: 'a, b' });
  });
});
