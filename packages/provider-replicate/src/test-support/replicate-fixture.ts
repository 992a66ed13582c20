import { createGateway, type Gateway, type GenerationConfig } from '@tarash/core';
import { FAKE_REPLICATE_TOKEN, startReplicateServer, type ReplicateFakeServer, type ReplicateServerOptions } from '@tarash/testing/replicate';
import type { ReplicateProviderOptions } from '../provider-options';
import { replicateProvider } from '../replicate-provider';

/** A fake Replicate server, a gateway with the real provider, and configs pointing at the fake. */
export interface ReplicateFixture {
  readonly server: ReplicateFakeServer;
  readonly gateway: Gateway;
  /** A fast-polling config for `model` against the fake server. */
  config(model: string, extra?: Partial<GenerationConfig>): GenerationConfig;
  close(): Promise<void>;
}

/** Starts the fixture; jobs run 20 ms unless scripted. */
export async function startReplicateFixture(serverOptions: ReplicateServerOptions = {}, providerOptions: ReplicateProviderOptions = {}): Promise<ReplicateFixture> {
  const server = await startReplicateServer({ defaultScript: { runMs: 20 }, ...serverOptions });
  const gateway = createGateway({ providers: [replicateProvider(providerOptions)] });
  return {
    server,
    gateway,
    config: (model, extra = {}) => ({
      provider: 'replicate',
      model,
      apiKey: FAKE_REPLICATE_TOKEN,
      baseUrl: `${server.url}/v1`,
      pollIntervalMs: 10,
      backoff: { initialDelayMs: 1, maxDelayMs: 5 },
      ...extra,
    }),
    close: () => server.close(),
  };
}
