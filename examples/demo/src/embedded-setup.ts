import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAKE_FAL_KEY, startFalServer } from '@tarash/testing/fal';
import { FAKE_OPENAI_KEY, startOpenAIServer } from '@tarash/testing/openai';
import { IMAGE_REQUEST, VIDEO_REQUEST, type DemoSetup } from './demo-setup';

/** The contracts folder beside the repository, when present: the fakes then validate every body. */
function contractsDir(): string | undefined {
  const candidate = process.env.TARASH_CONTRACTS_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/contracts');
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Starts fake fal and OpenAI servers on 127.0.0.1 and builds the chains: OpenAI's Videos API
 * answers 503 to every submit (so the orchestrator retries, then falls back), fal completes the
 * job with queue position, logs and progress like the real queue.
 */
export async function embeddedSetup(): Promise<DemoSetup> {
  const contracts = contractsDir();
  const fal = await startFalServer({ ...(contracts ? { contractsDir: contracts } : {}) });
  const openai = await startOpenAIServer({ ...(contracts ? { contractsDir: contracts } : {}) });
  openai.injectFault({ phase: 'video-submit', times: Number.POSITIVE_INFINITY, fault: { kind: 'respond', status: 503, body: { error: { message: 'The server is overloaded', type: 'server_error', param: null, code: null } } } });
  fal.scriptNext({
    queueMs: 600,
    queuePosition: 2,
    runMs: 1800,
    logs: ['Loading model weights', 'Sampling frames', 'Encoding video'],
    progressSteps: 4,
    billableUnits: 1,
  });
  fal.scriptNext({ queueMs: 100, runMs: 600, logs: ['Sampling'], billableUnits: 0.5 });
  const fast = { backoff: { initialDelayMs: 200, maxDelayMs: 1000 } };
  return {
    mode: 'embedded',
    notes: [
      'No provider API key found: using the embedded fake providers (@tarash/testing) over real HTTP.',
      `  fake fal    ${fal.url}`,
      `  fake OpenAI ${openai.url}  (its Videos API is scripted to answer 503, to show a fallback)`,
      contracts ? `  request bodies validated against the provider contracts in ${contracts}` : '  (no contracts folder found: request bodies are not contract-checked)',
      'Set FAL_KEY (and OPENAI_API_KEY) to run against the real providers.',
    ],
    video: {
      config: {
        provider: 'openai',
        model: 'sora-2',
        apiKey: FAKE_OPENAI_KEY,
        baseUrl: `${openai.url}/v1`,
        maxRetries: 1,
        ...fast,
        fallbackConfigs: [{ provider: 'fal', model: 'fal-ai/veo3.1/fast', apiKey: FAKE_FAL_KEY, baseUrl: fal.url, ...fast }],
      },
      request: VIDEO_REQUEST,
    },
    image: {
      config: { provider: 'fal', model: 'fal-ai/flux/dev', apiKey: FAKE_FAL_KEY, baseUrl: fal.url, ...fast },
      request: IMAGE_REQUEST,
    },
    async close() {
      await Promise.all([fal.close(), openai.close()]);
    },
  };
}
