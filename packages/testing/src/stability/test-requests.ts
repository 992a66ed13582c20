import { createPng } from '../common/media/png';
import { FAKE_STABILITY_KEY, type StabilityFakeServer } from './stability-server';

/** Fields and files of a multipart test request: strings are fields, byte arrays are files. */
export type TestForm = Readonly<Record<string, string | number | Uint8Array>>;

/** Builds the multipart body a Stability client sends. */
export function stabilityForm(values: TestForm): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value instanceof Uint8Array) form.append(name, new Blob([value as Uint8Array<ArrayBuffer>]), `${name}.bin`);
    else form.append(name, String(value));
  }
  return form;
}

/** POSTs a multipart form to a Stability path with the fake key (or `headers` instead). */
export function postForm(server: StabilityFakeServer, path: string, values: TestForm, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${FAKE_STABILITY_KEY}`, ...headers },
    body: stabilityForm(values),
  });
}

/** GETs a Stability path with the fake key (or `headers` instead). */
export function getPath(server: StabilityFakeServer, path: string, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${FAKE_STABILITY_KEY}`, ...headers } });
}

/** A first frame of an allowed image-to-video size. */
export const FIRST_FRAME = createPng({ width: 1024, height: 576 });
