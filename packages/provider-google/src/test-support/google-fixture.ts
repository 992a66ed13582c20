import { createGateway, type Gateway, type GenerationConfig, type LogEvent } from '@tarash/core';
import { FAKE_GOOGLE_ACCESS_TOKEN, FAKE_GOOGLE_API_KEY, startGoogleServer, type GoogleFakeServer, type GoogleServerOptions } from '@tarash/testing/google';
import { googleProvider } from '../google-provider';

/** Short polls and backoffs, so tests run in milliseconds. */
export const FAST = { pollIntervalMs: 5, backoff: { initialDelayMs: 1, maxDelayMs: 5 } } as const;

/** Vertex AI settings for the fake server's default token. */
export const VERTEX = { project: 'demo-project', location: 'us-central1', accessToken: FAKE_GOOGLE_ACCESS_TOKEN } as const;

/** A fake Google server, a gateway with the Google provider, and configs pointed at the server. */
export interface GoogleFixture {
  readonly server: GoogleFakeServer;
  readonly gateway: Gateway;
  /** Log events of the gateway calls made with `logger`. */
  readonly logs: LogEvent[];
  readonly logger: (event: LogEvent) => void;
  /** A Gemini API config for `model`. */
  gemini(model: string, extra?: Partial<GenerationConfig>): GenerationConfig;
  /** A Vertex AI config for `model`. */
  vertex(model: string, extra?: Partial<GenerationConfig>): GenerationConfig;
  close(): Promise<void>;
}

/** Starts a fake Google server and a gateway that knows only the Google provider. */
export async function googleFixture(options: GoogleServerOptions = {}): Promise<GoogleFixture> {
  const server = await startGoogleServer(options);
  const logs: LogEvent[] = [];
  return {
    server,
    gateway: createGateway({ providers: [googleProvider()] }),
    logs,
    logger: (event) => logs.push(event),
    gemini: (model, extra = {}) => ({ provider: 'google', model, apiKey: FAKE_GOOGLE_API_KEY, baseUrl: server.url, ...FAST, ...extra }),
    vertex: (model, extra = {}) => ({ provider: 'google', model, baseUrl: server.url, ...FAST, ...extra, providerConfig: { ...VERTEX, ...extra.providerConfig } }),
    close: () => server.close(),
  };
}
