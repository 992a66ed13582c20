import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ValidationError } from '../errors/validation-error';
import { generationConfigSchema } from '../types/generation-config';
import { videoGenerationRequestSchema } from '../types/video-generation-request';
import { VIDEO } from '../orchestrator/modality-spec';
import { prepareChain, validateConfig } from '../orchestrator/prepare-chain';
import { ProviderRegistry } from '../registry/provider-registry';
import { validateInput } from './validate-input';

const target = { provider: 'fal', model: 'fal-ai/veo3.1', context: 'Invalid video request' };

describe('standard request validation', () => {
  it('names the field, the value and what is allowed', () => {
    const error = thrownBy(() => validateInput(videoGenerationRequestSchema, { prompt: '', seed: -1, imageList: [{ image: 'ftp://x', type: 'middle' }] }, target), ValidationError);
    expect(error.issues.map((i) => i.field)).toEqual(['prompt', 'imageList[0].image', 'imageList[0].type', 'seed']);
    expect(error.message).toContain('seed = -1: must be >= 0');
    expect(error.message).toContain('imageList[0].type = "middle": is not one of the allowed values (allowed: "reference", "first_frame", "last_frame", "asset", "style")');
    expect(error.isRetryable).toBe(false);
  });

  it("words zod's own messages in English without setting zod's global config", () => {
    const error = thrownBy(() => validateInput(videoGenerationRequestSchema, { prompt: 3, resolution: '' }, target), ValidationError);
    expect(error.message).toContain('prompt = 3: Invalid input: expected string, received number');
    expect(error.message).toContain('resolution = "": Too small: expected string to have >=1 characters');
    expect(z.config().localeError).toBeUndefined();
    expect(z.config().customError).toBeUndefined();
  });

  it('points unknown fields to the right one and to extraParams', () => {
    const error = thrownBy(() => validateInput(videoGenerationRequestSchema, { prompt: 'x', duration: 4 }, target), ValidationError);
    expect(error.field).toBe('duration');
    expect(error.message).toMatch(/unknown field \(did you mean "durationSeconds"\?\); provider-specific fields go in extraParams/);
  });
});

describe('config validation', () => {
  it('refuses a fallback chain that contains itself, naming where', () => {
    const config: { provider: string; model: string; fallbackConfigs: unknown[] } = { provider: 'fal', model: 'm', fallbackConfigs: [] };
    const inner = { provider: 'replicate', model: 'r', fallbackConfigs: [config] };
    config.fallbackConfigs.push(inner);
    const error = thrownBy(() => validateConfig(config), ValidationError);
    expect(error.field).toBe('config.fallbackConfigs[0].fallbackConfigs[0]');
    expect(error.message).toMatch(/refers back to a config that contains it/);
    // Through the gateway too: a clear error (with the key redacted), not a stack overflow.
    (config as { apiKey?: string }).apiKey = 'sk-cyclic-secret-1234';
    const viaGateway = thrownBy(() => prepareChain(VIDEO, new ProviderRegistry(), config as never, { prompt: 'x' }), ValidationError);
    expect(viaGateway.message).toMatch(/refers back to a config that contains it/);
    const shared = { provider: 'b', model: 'x' };
    expect(validateConfig({ provider: 'a', model: 'y', fallbackConfigs: [shared, shared] }).fallbackConfigs).toHaveLength(2);
  });

  it('validates nested fallback configs', () => {
    const error = thrownBy(
      () => validateInput(generationConfigSchema, { provider: 'fal', model: 'm', timeoutMs: -5, fallbackConfigs: [{ provider: '', model: 'x' }] }, { ...target, root: 'config' }),
      ValidationError,
    );
    expect(error.issues.map((i) => i.field)).toEqual(['config.timeoutMs', 'config.fallbackConfigs[0].provider']);
  });
});
