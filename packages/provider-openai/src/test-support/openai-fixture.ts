import { createGateway, type GenerationConfig } from '@tarash/core';
import { locateContracts } from '@tarash/testing/helpers';
import { FAKE_AZURE_OPENAI_KEY, FAKE_OPENAI_KEY, startOpenAIServer, type OpenAIFakeServer, type OpenAIServerOptions } from '@tarash/testing/openai';
import { azureOpenaiProvider } from '../azure-openai-provider';
import { openaiProvider } from '../openai-provider';
import type { OpenAIProviderOptions } from '../provider-options';

/** The shared contracts folder; without it the fake server runs without contract validation. */
export const contractsDir = locateContracts({ skipping: 'the OpenAI contract validation of request bodies' });

/** Fast retries and polls for tests. */
export const fastTiming = { pollIntervalMs: 5, backoff: { initialDelayMs: 5, maxDelayMs: 20 } } as const;

/** A fake OpenAI server (validating bodies against the stored contract when present) and a gateway with both plugins. */
export async function openaiFixture(serverOptions: OpenAIServerOptions = {}, providerOptions: OpenAIProviderOptions = {}) {
  const server: OpenAIFakeServer = await startOpenAIServer({ ...(contractsDir ? { contractsDir } : {}), ...serverOptions });
  const gateway = createGateway({ providers: [openaiProvider(providerOptions), azureOpenaiProvider(providerOptions)] });
  let acknowledged = 0;
  return {
    server,
    gateway,
    /** An `openai` config pointed at the fake server. */
    openai: (model: string, extra: Partial<GenerationConfig> = {}): GenerationConfig => ({
      provider: 'openai',
      model,
      apiKey: FAKE_OPENAI_KEY,
      baseUrl: `${server.url}/v1`,
      ...fastTiming,
      ...extra,
    }),
    /** An `azure` config pointed at the fake server. */
    azure: (model: string, providerConfig: Record<string, unknown> = {}, extra: Partial<GenerationConfig> = {}): GenerationConfig => ({
      provider: 'azure',
      model,
      apiKey: FAKE_AZURE_OPENAI_KEY,
      providerConfig: { endpoint: server.url, ...providerConfig },
      ...fastTiming,
      ...extra,
    }),
    /** The contract violations since the last call, which {@link close} then accepts (for tests that provoke one). */
    takeViolations() {
      const violations = server.contractViolations().slice(acknowledged);
      acknowledged += violations.length;
      return violations;
    },
    /** Fails when a request body broke the stored OpenAPI document (and no test took it); then stops the server. */
    async close(): Promise<void> {
      const violations = server.contractViolations().slice(acknowledged);
      await server.close();
      if (violations.length > 0) throw new Error(`Request bodies broke the OpenAI contract: ${JSON.stringify(violations, null, 2)}`);
    },
  };
}

/** The fixture type. */
export type OpenAIFixture = Awaited<ReturnType<typeof openaiFixture>>;
