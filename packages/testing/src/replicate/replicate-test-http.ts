import { FAKE_REPLICATE_TOKEN, type ReplicateFakeServer } from './replicate-server';

/** Headers a Replicate client sends. */
export const replicateHeaders = { authorization: `Bearer ${FAKE_REPLICATE_TOKEN}`, 'content-type': 'application/json' } as const;

/** A response's status, headers and parsed JSON body. */
export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** Sends a JSON request to the fake server's API (`path` under `/v1`). */
export async function callReplicate(
  server: ReplicateFakeServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<JsonResponse> {
  const response = await fetch(`${server.url}/v1${path}`, {
    method,
    headers: { ...replicateHeaders, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Creates a prediction of an official model. */
export function createModelPrediction(server: ReplicateFakeServer, model: string, input: unknown, headers: Readonly<Record<string, string>> = {}): Promise<JsonResponse> {
  return callReplicate(server, 'POST', `/models/${model}/predictions`, { input }, headers);
}

/** GETs an absolute URL with the fake token. */
export async function getJson(url: string): Promise<JsonResponse> {
  const response = await fetch(url, { headers: replicateHeaders });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
