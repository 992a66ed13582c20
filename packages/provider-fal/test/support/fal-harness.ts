import { createGateway, type Gateway, type GenerationConfig, type ProviderVideoResult } from '@tarash/core';
import type { JobScript } from '@tarash/testing';
import { locateContracts } from '@tarash/testing/helpers';
import { FAKE_FAL_KEY, startFalServer, type FalFakeServer, type FalServerOptions } from '@tarash/testing/fal';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { falProvider, type FalProviderOptions } from '../../src/index';

/** The shared contracts the fake validates bodies with; undefined when absent (tests that need them skip). */
export const contractsDir = locateContracts({ skipping: 'the fal tests that need the stored contracts' });

/** A fake fal server, a gateway with the fal plugin, and configs pointing at the server. */
export interface FalHarness {
  readonly fal: FalFakeServer;
  readonly gateway: Gateway;
  /** Fallback results served by the `backup` provider, counted. */
  readonly backup: { calls: number };
  /** A fal config for `model` on the fake server (fast polling and backoff), with `extra` over it. */
  config(model: string, extra?: Partial<GenerationConfig>): GenerationConfig;
  close(): Promise<void>;
}

/** The video a `backup` fallback returns. */
export const BACKUP_VIDEO = 'https://backup.example/video.mp4';

/**
 * Starts a fake fal server (validating with the stored contracts when present) and a gateway
 * with `falProvider(providerOptions)` and a `backup` custom provider for fallback tests.
 */
export async function startFalHarness(serverOptions: FalServerOptions = {}, providerOptions: FalProviderOptions = {}): Promise<FalHarness> {
  const fal = await startFalServer({ ...(contractsDir ? { contractsDir } : {}), ...serverOptions });
  const gateway = createGateway({ providers: [falProvider(providerOptions)] });
  const backup = { calls: 0 };
  gateway.registerProvider('backup', {
    generateVideo: async (): Promise<ProviderVideoResult> => {
      backup.calls++;
      return { requestId: `backup-${backup.calls}`, video: BACKUP_VIDEO, rawResponse: {} };
    },
  });
  return {
    fal,
    gateway,
    backup,
    config: (model, extra = {}) => ({
      provider: 'fal',
      model,
      apiKey: FAKE_FAL_KEY,
      baseUrl: fal.url,
      pollIntervalMs: 5,
      backoff: { initialDelayMs: 1, maxDelayMs: 5 },
      ...extra,
    }),
    close: () => fal.close(),
  };
}

/**
 * One harness for a test file: started before its tests, closed after them, and reset before
 * each test (no faults, no recordings, `defaultScript` for every job, backup calls at 0).
 */
export function useFalHarness(defaultScript: JobScript = {}, serverOptions: FalServerOptions = {}, providerOptions: FalProviderOptions = {}): FalHarness {
  const harness = {} as FalHarness;
  beforeAll(async () => {
    Object.assign(harness, await startFalHarness(serverOptions, providerOptions));
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.fal.faults.clear();
    harness.fal.clearRequests();
    harness.fal.scripts.setDefault(defaultScript);
    harness.backup.calls = 0;
  });
  return harness;
}

/** A fallback config to the `backup` provider. */
export const backupConfig: GenerationConfig = { provider: 'backup', model: 'backup-video' };
