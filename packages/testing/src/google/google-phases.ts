/**
 * The protocol phases of the fake Google server (fault targets and recording labels):
 * - `submit`: Veo `:predictLongRunning`;
 * - `operation`: a Veo poll (Gemini API `GET /{operation name}`, Vertex `:fetchPredictOperation`);
 * - `download`: `GET /files/{id}:download?alt=media`;
 * - `storage`: the signed storage URL a download redirects to;
 * - `predict`: Imagen `:predict`;
 * - `generate`: Gemini `:generateContent`.
 */
export type GooglePhase = 'submit' | 'operation' | 'download' | 'storage' | 'predict' | 'generate';

/** Every {@link GooglePhase}. */
export const GOOGLE_PHASES: readonly GooglePhase[] = ['submit', 'operation', 'download', 'storage', 'predict', 'generate'];
