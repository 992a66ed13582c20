import { describe, expect, it } from 'vitest';
import { falAppId, isFalEndpointId } from './fal-endpoint-id';

describe('fal endpoint ids', () => {
  it('accepts owner/app[/path] of any owner and nothing else', () => {
    for (const id of ['fal-ai/veo3.1', 'fal-ai/veo3.1/fast/image-to-video', 'acme/my_app-2', 'workflows/me/flow']) expect(isFalEndpointId(id)).toBe(true);
    for (const id of ['veo3.1', 'https://queue.fal.run/fal-ai/veo3.1', 'fal-ai/../x', 'fal-ai//x', 'fal-ai/veo3.1?x=1', '/fal-ai/veo3.1']) expect(isFalEndpointId(id)).toBe(false);
  });

  it('finds owner/app, shifted after a workflows/ or comfy/ namespace', () => {
    expect(falAppId('fal-ai/veo3.1/fast/image-to-video')).toBe('fal-ai/veo3.1');
    expect(falAppId('workflows/me/my-flow/run')).toBe('workflows/me/my-flow');
    expect(falAppId('comfy/me/graph')).toBe('comfy/me/graph');
  });
});
