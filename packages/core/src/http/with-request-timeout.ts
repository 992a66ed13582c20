import type { ErrorPhase } from '../errors/error-phase';
import { HTTPConnectionError } from '../errors/http-connection-error';
import type { CallContext } from '../provider/call-context';

/**
 * Runs `run` with a signal that aborts when the context does, or when `timeoutMs` passes
 * without a `touch()` (a stream touches on every chunk, which makes the bound an idle bound).
 * A provider that stops answering becomes a retryable `HTTPConnectionError` — marked
 * `jobMayExist` at submit, where the body may have arrived — instead of holding the job until
 * its whole-job deadline.
 */
export async function withRequestTimeout<T>(
  context: CallContext,
  phase: ErrorPhase,
  timeoutMs: number,
  run: (signal: AbortSignal, touch: () => void) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`${context.provider} ${phase} timed out`));
    }, timeoutMs);
  };
  const onAbort = (): void => controller.abort(context.signal.reason);
  if (context.signal.aborted) onAbort();
  else context.signal.addEventListener('abort', onAbort, { once: true });
  touch();
  try {
    return await run(controller.signal, touch);
  } catch (error) {
    if (!timedOut || context.signal.aborted) throw error;
    throw new HTTPConnectionError({
      provider: context.provider,
      model: context.model,
      phase,
      code: 'ETIMEDOUT',
      message: `${context.provider} did not answer within ${timeoutMs} ms during ${phase}`,
      cause: error,
      jobMayExist: phase === 'submit' || phase === 'generate',
    });
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', onAbort);
  }
}
