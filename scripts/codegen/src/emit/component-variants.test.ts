import { describe, expect, it } from 'vitest';
import { analyzeEndpoint } from '../analysis/endpoint-analysis';
import { groupFamilies } from '../analysis/family-grouping';
import type { JsonSchema } from '../schema/json-schema';
import { falDocument } from '../test-support/fal-document';
import { findComponentVariants, isShared, type ComponentVariants } from './component-variants';
import { nameFamilies } from './family-names';

const SIZE: JsonSchema = {
  type: 'object',
  title: 'ImageSize',
  properties: {
    width: { type: 'integer', exclusiveMinimum: 0, default: 512, description: 'Width.', examples: [512] },
    height: { type: 'integer', exclusiveMinimum: 0, default: 512, description: 'Height.' },
  },
};
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** An endpoint whose input has an `image_size` of `size` (and a field named after the endpoint, so that no two are one family). */
const endpoint = (id: string, size: JsonSchema, more: Record<string, JsonSchema> = {}): ReturnType<typeof analyzeEndpoint> =>
  analyzeEndpoint(
    falDocument({
      endpointId: id,
      category: 'text-to-image',
      input: { prompt: { type: 'string' }, [id.replace(/\W/g, '_')]: { type: 'boolean' }, image_size: ref('ImageSize') },
      components: { ImageSize: size, ...more },
      output: { images: { type: 'array', items: ref('File') } },
    }),
  );

function variants(analyses: ReturnType<typeof analyzeEndpoint>[]): { all: ComponentVariants; summary: unknown[] } {
  const families = groupFamilies(analyses);
  const all = findComponentVariants(families);
  const names = nameFamilies(families, all);
  const summary = all.variants.map((variant) => ({
    name: names[variant.families[0] ?? 0]?.types.get(variant.component),
    families: variant.families.map((index) => families[index]?.representative.schema.endpointId),
    shared: isShared(variant),
    validated: variant.validated,
  }));
  return { all, summary };
}

describe('findComponentVariants', () => {
  it('shares a component whose code would be the same, whatever order its document writes its keywords in', () => {
    // Keywords in another order, another title and no examples: none of it reaches the code.
    const reordered: JsonSchema = {
      properties: {
        width: { description: 'Width.', default: 512, exclusiveMinimum: 0, type: 'integer' },
        height: { default: 512, description: 'Height.', type: 'integer', exclusiveMinimum: 0 },
      },
      title: 'Size',
      type: 'object',
    };
    const { summary } = variants([endpoint('fal-ai/a', SIZE), endpoint('fal-ai/b', reordered)]);
    expect(summary).toEqual([
      { name: 'FalFile', families: ['fal-ai/a', 'fal-ai/b'], shared: true, validated: false },
      { name: 'ImageSize', families: ['fal-ai/a', 'fal-ai/b'], shared: true, validated: true },
    ]);
  });

  it('keeps variants apart, a differing description included, and names the most used one after fal', () => {
    const narrower: JsonSchema = { ...SIZE, properties: { ...SIZE.properties, width: { type: 'integer', maximum: 100 } } };
    const described: JsonSchema = { ...SIZE, description: 'The size of the image.' };
    const { summary } = variants([
      endpoint('fal-ai/d', described),
      endpoint('fal-ai/c', narrower),
      endpoint('fal-ai/b', SIZE),
      endpoint('fal-ai/a', narrower),
    ]);
    expect(summary.slice(1)).toEqual([
      { name: 'ImageSize', families: ['fal-ai/a', 'fal-ai/c'], shared: true, validated: true },
      { name: 'ImageSize2', families: ['fal-ai/b'], shared: false, validated: true },
      { name: 'ImageSize3', families: ['fal-ai/d'], shared: false, validated: true },
    ]);
  });

  it('keeps a component apart when a component it refers to differs', () => {
    const withColor = (max: number): Record<string, JsonSchema> => ({
      Color: { type: 'object', properties: { r: { type: 'integer', maximum: max } } },
    });
    const sized: JsonSchema = { ...SIZE, properties: { ...SIZE.properties, background: ref('Color') } };
    const { summary } = variants([
      endpoint('fal-ai/a', sized, withColor(255)),
      endpoint('fal-ai/b', sized, withColor(255)),
      endpoint('fal-ai/c', sized, withColor(100)),
    ]);
    expect(summary).toEqual([
      { name: 'Color', families: ['fal-ai/a', 'fal-ai/b'], shared: true, validated: true },
      { name: 'Color2', families: ['fal-ai/c'], shared: false, validated: true },
      { name: 'FalFile', families: ['fal-ai/a', 'fal-ai/b', 'fal-ai/c'], shared: true, validated: false },
      { name: 'ImageSize', families: ['fal-ai/a', 'fal-ai/b'], shared: true, validated: true },
      { name: 'ImageSize2', families: ['fal-ai/c'], shared: false, validated: true },
    ]);
  });

  it('never shares a component in a reference cycle, nor one that refers to it', () => {
    const tree: Record<string, JsonSchema> = {
      Node: { type: 'object', properties: { children: { type: 'array', items: ref('Node') } } },
    };
    const sized: JsonSchema = { ...SIZE, properties: { ...SIZE.properties, layers: ref('Node') } };
    const { summary } = variants([endpoint('fal-ai/a', sized, tree), endpoint('fal-ai/b', sized, tree)]);
    expect(summary.filter((variant) => (variant as { shared: boolean }).shared)).toEqual([
      { name: 'FalFile', families: ['fal-ai/a', 'fal-ai/b'], shared: true, validated: false },
    ]);
    expect(summary).toHaveLength(5);
  });

  it('is deterministic: the same endpoints in any order give the same variants and names', () => {
    const narrower: JsonSchema = { ...SIZE, properties: { ...SIZE.properties, width: { type: 'integer', maximum: 100 } } };
    const analyses = [endpoint('fal-ai/a', SIZE), endpoint('fal-ai/b', narrower), endpoint('fal-ai/c', SIZE)];
    const once = variants(analyses);
    const again = variants([...analyses].reverse());
    expect(again.summary).toEqual(once.summary);
    expect(again.all.variants.map((variant) => variant.id)).toEqual(once.all.variants.map((variant) => variant.id));
  });
});
