import { createGateway, type Gateway, type GenerationConfig, type LogEvent } from '@tarash/core';
import { locateContracts } from '@tarash/testing/helpers';
import { FAKE_STABILITY_KEY, startStabilityServer, type StabilityFakeServer, type StabilityServerOptions } from '@tarash/testing/stability';
import { stabilityProvider } from '../stability-provider';
import type { StabilityProviderOptions } from '../stability-provider-options';

/** A second key the fake server accepts. */
export const SECOND_STABILITY_KEY = 'sk-second-fake-stability-key-42';

const contractsDir = locateContracts({ skipping: 'the contract validation of the fake Stability server' });

/** A fake Stability server, a gateway with the real provider pointed at it, and a log of the gateway's events. */
export interface StabilityFixture {
  readonly server: StabilityFakeServer;
  readonly gateway: Gateway;
  readonly logs: LogEvent[];
  /** A config for `model` on the fake server, with fast backoff; `extra` is merged over it. */
  config(model: string, extra?: Partial<GenerationConfig>): GenerationConfig;
  close(): Promise<void>;
}

/**
 * Starts the fake server (validating against the stored contract when the shared folder is
 * there) and a gateway over `stabilityProvider(providerOptions)`.
 */
export async function startStabilityFixture(serverOptions: StabilityServerOptions = {}, providerOptions: StabilityProviderOptions = {}): Promise<StabilityFixture> {
  const server = await startStabilityServer({ apiKeys: [FAKE_STABILITY_KEY, SECOND_STABILITY_KEY], ...(contractsDir ? { contractsDir } : {}), ...serverOptions });
  const gateway = createGateway({ providers: [stabilityProvider({ minVideoPollIntervalMs: 0, ...providerOptions })] });
  const logs: LogEvent[] = [];
  return {
    server,
    gateway,
    logs,
    config: (model, extra = {}) => ({
      provider: 'stability',
      model,
      apiKey: FAKE_STABILITY_KEY,
      baseUrl: server.url,
      pollIntervalMs: 5,
      backoff: { initialDelayMs: 1, maxDelayMs: 5 },
      ...extra,
    }),
    close: () => server.close(),
  };
}

/** Options for a gateway call that record its log events into `fixture.logs`. */
export function logInto(fixture: StabilityFixture): { logger: (event: LogEvent) => void } {
  return { logger: (event) => fixture.logs.push(event) };
}
