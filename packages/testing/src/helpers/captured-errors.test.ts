import { describe, expect, it } from 'vitest';
import { rejectionOf, thrownBy } from './captured-errors';

class BadInput extends Error {}

describe('captured errors', () => {
  it('returns the rejection or throw of the expected class', async () => {
    const error = new BadInput('nope');
    expect(await rejectionOf(Promise.reject(error), BadInput)).toBe(error);
    expect(thrownBy(() => {
      throw error;
    }, BadInput)).toBe(error);
  });

  it('fails on success and rethrows other classes', async () => {
    await expect(rejectionOf(Promise.resolve(1))).rejects.toThrow('expected a rejection, but the promise resolved');
    expect(() => thrownBy(() => 1, BadInput)).toThrow('expected a BadInput to be thrown');
    const other = new TypeError('other');
    await expect(rejectionOf(Promise.reject(other), BadInput)).rejects.toBe(other);
  });
});
