import { expect, it } from 'vitest';
import { embeddedSetup } from './embedded-setup';
import { realSetup } from './real-setup';
import { runDemo } from './run-demo';

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
