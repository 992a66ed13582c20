import { describe, expect, it } from 'vitest';
import { NoSlotBeforeDeadline, RequestRateLimiter } from './request-rate-limiter';

/** A limiter on a fake clock: waiting advances the clock at once, and every wait is logged. */
function limiterAt(policy = { maxRequests: 2, windowMs: 1000, timeoutMs: 60_000 }) {
  const clock = { time: 0, waits: [] as number[] };
  const limiter = new RequestRateLimiter(policy, {
    now: () => clock.time,
    sleep: async (ms) => {
      clock.waits.push(ms);
      clock.time += ms;
    },
  });
  const signal = new AbortController().signal;
  const acquire = (key = 'key', deadline = Infinity) => limiter.acquire(key, deadline, signal);
  return { limiter, clock, acquire };
}

describe('RequestRateLimiter', () => {
  it('grants maxRequests at once, then each later send a window after the answer of the one it replaces', async () => {
    const { clock, acquire } = limiterAt();
    const first = await acquire();
    await acquire();
    clock.time = 300;
    first.release();
    const sentAt: number[] = [];
    await acquire().then(() => sentAt.push(clock.time));
    expect(sentAt).toEqual([1300]);
    expect(clock.waits).toEqual([1000]);
  });

  it('holds a send until the request it replaces is answered, however long that takes', async () => {
    const { clock, acquire } = limiterAt({ maxRequests: 1, windowMs: 1000, timeoutMs: 60_000 });
    const slow = await acquire();
    let granted = false;
    const waiting = acquire().then(() => (granted = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(granted).toBe(false);
    clock.time = 5000;
    slow.release();
    await waiting;
    expect(clock.time).toBe(6000);
  });

  it('keeps a separate budget per key', async () => {
    const { clock, acquire } = limiterAt({ maxRequests: 1, windowMs: 1000, timeoutMs: 60_000 });
    (await acquire('a')).release();
    (await acquire('b')).release();
    expect(clock.waits).toEqual([]);
  });

  it('holds every send of a key blocked by a 429 until the block ends, and fails fast past the deadline', async () => {
    const { limiter, clock, acquire } = limiterAt();
    limiter.block('key', 60_000);
    await expect(acquire('key', 30_000)).rejects.toBeInstanceOf(NoSlotBeforeDeadline);
    (await acquire('key')).release();
    expect(clock.time).toBe(60_000);
  });

  it('fails without granting when the window frees after the deadline, and leaves the queue intact', async () => {
    const { clock, acquire } = limiterAt({ maxRequests: 1, windowMs: 1000, timeoutMs: 60_000 });
    (await acquire()).release();
    await expect(acquire('key', 500)).rejects.toThrow('no send slot before the deadline');
    await acquire();
    expect(clock.time).toBe(1000);
  });

  it('gives up waiting when the signal aborts', async () => {
    const { limiter } = limiterAt({ maxRequests: 1, windowMs: 1000, timeoutMs: 60_000 });
    const never = new AbortController();
    await limiter.acquire('key', Infinity, never.signal);
    const controller = new AbortController();
    const waiting = limiter.acquire('key', Infinity, controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
  });
});
