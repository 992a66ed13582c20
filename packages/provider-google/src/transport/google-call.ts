import { readJsonBody, sendProviderRequest, type CallContext, type ErrorPhase } from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';
import { authHeaders } from './google-auth';
import { googleHttpError } from './google-error';

/** One authenticated JSON call to a Google API. */
export interface GoogleCall {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly json?: unknown;
  readonly phase: ErrorPhase;
  readonly requestId?: string;
}

/** Sends an authenticated call and reads its JSON answer; failures map through {@link googleHttpError}. */
export async function callGoogle<T>(context: CallContext, settings: GoogleSettings, call: GoogleCall): Promise<T> {
  const headers = await authHeaders(settings, context, call.phase);
  const response = await sendProviderRequest(context, { ...call, headers, toError: googleHttpError });
  return readJsonBody<T>(response, context, call.phase, call.requestId);
}
