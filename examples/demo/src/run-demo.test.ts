import { expect, it } from 'vitest';
import { embeddedSetup } from './embedded-setup';
import { realSetup } from './real-setup';
import type { GenerationConfig } from '@tarash/core';
import { demoGateway, runDemo } from './run-demo';

it('runs the embedded demo end to end: OpenAI fails, fal takes over, the image is made', async () => {
  const setup = await embeddedSetup();
  const lines: string[] = [];
  try {
    expect(await runDemo(setup, (l) => lines.push(l))).toBe(true);
  } finally {
    await setup.close();
  }
  const text = lines.join('\n');
  expect(text).toMatch(/\[1\] openai sora-2 {2}failed: HTTPError/);
  expect(text).toMatch(/\[2\] fal fal-ai\/veo3\.1\/fast {2}processing/);
  expect(text).toMatch(/#1 openai sora-2: failed \| retries 1/);
  expect(text).toMatch(/#2 fal fal-ai\/veo3\.1\/fast: success/);
  expect(text).toMatch(/video {6}http:\/\/127\.0\.0\.1:\d+\//);
  expect(text).toMatch(/image 0 {4}http:\/\/127\.0\.0\.1:\d+\//);
  expect(text).not.toMatch(/!!/);
});

it('uses the real providers only when keys are set', () => {
  expect(realSetup({})).toBeUndefined();
  expect(realSetup({ FAL_KEY: 'k' })?.video?.config).toMatchObject({ provider: 'fal', model: 'fal-ai/veo3.1/fast' });
});

/** A config chain with mock mode on everywhere: the real validation and mapping, no network. */
function mocked(config: GenerationConfig): GenerationConfig {
  return { ...config, mock: { enabled: true, responses: [{ weight: 1, delayMs: 0 }] }, ...(config.fallbackConfigs ? { fallbackConfigs: config.fallbackConfigs.map(mocked) } : {}) };
}

it('builds real chains that every provider accepts (checked through mock mode, which runs their real mapping)', async () => {
  const keys = { FAL_KEY: 'k', REPLICATE_API_TOKEN: 'k', GEMINI_API_KEY: 'k', OPENAI_API_KEY: 'k', STABILITY_API_KEY: 'k' };
  const setup = realSetup(keys);
  const gateway = demoGateway();
  expect(setup?.video?.config.fallbackConfigs).toHaveLength(3);
  expect(setup?.image?.config.fallbackConfigs).toHaveLength(4);
  const video = await gateway.generateVideo(mocked(setup!.video!.config), setup!.video!.request);
  const image = await gateway.generateImage(mocked(setup!.image!.config), setup!.image!.request);
  expect([video.isMock, image.isMock]).toEqual([true, true]);
});
