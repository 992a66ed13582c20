import type { ProgressUpdate } from '../types/progress-update';
import type { ProgressCallback } from './generation-options';

/**
 * Adapts a progress-callback run to an `AsyncIterable`. The run starts when iteration starts;
 * breaking out of the loop aborts it (the provider job is cancelled) and waits for that to
 * finish. A failed run makes the iterator throw after the updates already produced.
 */
export function progressStream<TResponse>(
  start: (onProgress: ProgressCallback<TResponse>, signal: AbortSignal) => Promise<unknown>,
  callerSignal: AbortSignal | undefined,
): AsyncIterable<ProgressUpdate<TResponse>> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<ProgressUpdate<TResponse>> {
      const controller = new AbortController();
      const onCallerAbort = () => controller.abort(callerSignal?.reason);
      if (callerSignal?.aborted) controller.abort(callerSignal.reason);
      else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
      const queue: ProgressUpdate<TResponse>[] = [];
      let wake: (() => void) | undefined;
      let finished = false;
      let failure: { readonly error: unknown } | undefined;
      const notify = () => {
        wake?.();
        wake = undefined;
      };
      const running = start((update) => {
        queue.push(update);
        notify();
      }, controller.signal).then(
        () => undefined,
        (error: unknown) => {
          failure = { error };
        },
      ).finally(() => {
        finished = true;
        callerSignal?.removeEventListener('abort', onCallerAbort);
        notify();
      });
      return {
        async next(): Promise<IteratorResult<ProgressUpdate<TResponse>>> {
          for (;;) {
            const update = queue.shift();
            if (update) return { value: update, done: false };
            if (finished) {
              if (failure) {
                const { error } = failure;
                failure = undefined;
                throw error;
              }
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
        },
        async return(): Promise<IteratorResult<ProgressUpdate<TResponse>>> {
          controller.abort();
          await running;
          failure = undefined;
          return { value: undefined, done: true };
        },
      };
    },
  };
}
