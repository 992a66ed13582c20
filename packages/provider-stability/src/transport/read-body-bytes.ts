import { connectionError, type CallContext, type ErrorPhase } from '@tarash/core';

/**
 * Reads a response body as bytes. A connection lost mid-body becomes an `HTTPConnectionError`
 * (at `generate`/`submit` marked `jobMayExist`: the provider answered, so it may have billed).
 */
export async function readBodyBytes(response: Response, context: CallContext, phase: ErrorPhase): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason;
    throw connectionError(error, { provider: context.provider, model: context.model, phase, url: response.url });
  }
}
