import { describe, expect, it } from 'vitest';
import { falDocument } from '../test-support/fal-document';
import type { JsonSchema } from '../schema/json-schema';
import { analyzeEndpoint } from './endpoint-analysis';
import { groupFamilies } from './family-grouping';

const analysis = (endpointId: string, duration: JsonSchema, description = 'The prompt'): ReturnType<typeof analyzeEndpoint> =>
  analyzeEndpoint(falDocument({ endpointId, input: { prompt: { type: 'string', description, title: endpointId }, duration } }));

describe('groupFamilies', () => {
  it('groups endpoints whose schemas agree apart from annotations, named after the shortest id', () => {
    const durations: JsonSchema = { type: 'string', enum: ['4s', '8s'] };
    const families = groupFamilies([
      analysis('fal-ai/veo/fast', durations, 'Fast'),
      analysis('fal-ai/other', { type: 'string', enum: ['5'] }),
      analysis('fal-ai/veo', durations),
    ]);
    expect(families.map((f) => f.members.map((m) => m.schema.endpointId))).toEqual([['fal-ai/other'], ['fal-ai/veo', 'fal-ai/veo/fast']]);
    expect(families[1]?.representative.schema.endpointId).toBe('fal-ai/veo');
  });

  it('keeps endpoints apart when a value they accept differs', () => {
    const families = groupFamilies([
      analysis('fal-ai/a', { type: 'string', enum: ['4s', '8s'] }),
      analysis('fal-ai/b', { type: 'string', enum: ['4s', '8s'], default: '4s' }),
    ]);
    expect(families).toHaveLength(2);
  });
});
