import { describe, expect, it } from 'vitest';
import { falProvider } from './fal-provider';

describe('falProvider', () => {
  it('is the fal plugin for video, images and webhooks, keyed by FAL_KEY', () => {
    const plugin = falProvider();
    expect(plugin).toMatchObject({ name: 'fal', apiKeyEnvVars: ['FAL_KEY'] });
    expect(plugin.video?.jobs?.waitForCompletion).toBeTypeOf('function');
    expect(plugin.image?.jobs?.cancel).toBeTypeOf('function');
    expect(plugin.webhooks?.verify).toBeTypeOf('function');
  });

  it('checks its options, naming the field', () => {
    expect(() => falProvider({ inlineMediaMaxBytes: 1.5 })).toThrow('falProvider(options).inlineMediaMaxBytes = 1.5: must be a whole number');
    expect(() => falProvider({ webhooks: { toleranceSeconds: 0 } })).toThrow('webhooks.toleranceSeconds = 0: must be > 0');
  });
});
