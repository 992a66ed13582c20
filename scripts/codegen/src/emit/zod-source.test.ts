import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { JsonSchema } from '../schema/json-schema';
import { ZodSourceEmitter, type ZodSource } from './zod-source';

const constantName = (component: string): string => `${component}Schema`;

function emit(components: Record<string, JsonSchema>, root = 'Input', sharedEnums = new Map<string, string>()): ZodSource {
  return ZodSourceEmitter.forComponent(root, new Map(Object.entries(components)), { constantName, typeName: (c) => c, sharedEnums });
}

/** Runs emitted source against the real zod/mini, as the generated module would (type annotations dropped). */
function build(source: ZodSource): z.ZodMiniType {
  const declarations = source.declarations.map((line) => line.replace(/: z\.ZodMiniType<\w+, \w+> =/, ' ='));
  return new Function('z', `${declarations.join('\n')}\nreturn ${source.root};`)(z) as z.ZodMiniType;
}

const IMAGE_SIZE: JsonSchema = {
  type: 'object',
  properties: {
    width: { type: 'integer', exclusiveMinimum: 0, maximum: 14142, default: 512 },
    height: { type: 'integer', exclusiveMinimum: 0, maximum: 14142, default: 512 },
  },
};

describe('ZodSourceEmitter', () => {
  it('writes enums, ranges, lengths, defaults and required fields', () => {
    const source = emit({
      Input: {
        type: 'object',
        'x-fal-order-properties': ['prompt', 'duration'],
        required: ['prompt'],
        properties: {
          steps: { type: 'integer', minimum: 1, maximum: 50, default: 28 },
          duration: { type: 'string', enum: ['4s', '8s'], default: '8s' },
          prompt: { type: 'string', maxLength: 20, minLength: 1 },
          scale: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        },
      },
    });
    expect(source.declarations).toEqual([]);
    expect(source.root).toBe(
      'z.strictObject({ "prompt": z.string().check(z.minLength(1), z.maxLength(20)), "duration": z._default(z.enum(["4s","8s"]), "8s"), "steps": z._default(z.int().check(z.gte(1), z.lte(50)), 28), "scale": z.optional(z.number().check(z.gt(0), z.lt(1))) })',
    );
    const schema = build(source);
    expect(schema.parse({ prompt: 'a' })).toEqual({ prompt: 'a', duration: '8s', steps: 28 });
    expect(schema.safeParse({ prompt: 'a', duration: '5s' }).success).toBe(false);
    expect(schema.safeParse({ prompt: 'a', steps: 51 }).success).toBe(false);
    expect(schema.safeParse({ prompt: 'a', steps: 2.5 }).success).toBe(false);
    expect(schema.safeParse({ prompt: 'a', scale: 0 }).success).toBe(false);
    expect(schema.safeParse({ prompt: 'x'.repeat(21) }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
  });

  it('writes fal image_size unions (preset or {width, height}), nullable anyOf and LoRA lists', () => {
    const source = emit({
      ImageSize: IMAGE_SIZE,
      LoRAInput: {
        type: 'object',
        properties: { path: { type: 'string' }, scale: { type: 'number', minimum: 0, maximum: 4, default: 1 } },
        required: ['path'],
      },
      Input: {
        type: 'object',
        properties: {
          image_size: {
            anyOf: [
              { $ref: '#/components/schemas/ImageSize' },
              { type: 'string', enum: ['square_hd', 'landscape_16_9'] },
              { type: 'null' },
            ],
            default: 'square_hd',
          },
          seed: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
          loras: { type: 'array', items: { $ref: '#/components/schemas/LoRAInput' }, default: [] },
        },
      },
    });
    expect(source.declarations).toHaveLength(2);
    const schema = build(source);
    expect(schema.parse({})).toEqual({ image_size: 'square_hd', loras: [] });
    expect(schema.parse({ image_size: { width: 1280 }, seed: null, loras: [{ path: 'x' }] })).toEqual({
      image_size: { width: 1280, height: 512 },
      seed: null,
      loras: [{ path: 'x', scale: 1 }],
    });
    expect(schema.safeParse({ image_size: 'portrait' }).success).toBe(false);
    expect(schema.safeParse({ image_size: { width: 0 } }).success).toBe(false);
    expect(schema.safeParse({ loras: [{ scale: 1 }] }).success).toBe(false);
  });

  it('gives each parse its own copy of an object default', () => {
    const schema = build(
      emit({ Input: { type: 'object', properties: { loras: { type: 'array', items: { type: 'string' }, default: [] } } } }),
    );
    const first = schema.parse({}) as { loras: string[] };
    first.loras.push('mutated');
    expect(schema.parse({})).toEqual({ loras: [] });
  });

  it('looks through allOf wrappers and merges allOf objects', () => {
    const source = emit({
      Base: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      Extra: { type: 'object', properties: { b: { type: 'integer' } } },
      Input: {
        type: 'object',
        properties: {
          wrapped: { allOf: [{ $ref: '#/components/schemas/Base' }], description: 'x' },
          merged: { allOf: [{ $ref: '#/components/schemas/Base' }, { $ref: '#/components/schemas/Extra' }] },
        },
      },
    });
    expect(source.root).toContain('"wrapped": z.optional(BaseSchema)');
    const schema = build(source);
    expect(schema.safeParse({ wrapped: { a: 'x' }, merged: { a: 'x', b: 1 } }).success).toBe(true);
    expect(schema.safeParse({ merged: { b: 1 } }).success).toBe(false);
  });

  it('closes objects unless the schema allows more properties', () => {
    const schema = build(
      emit({
        Input: {
          type: 'object',
          properties: {
            closed: { type: 'object', properties: { a: { type: 'string' } } },
            open: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
            timings: { type: 'object', additionalProperties: { type: 'number' } },
          },
        },
      }),
    );
    expect(schema.safeParse({ closed: { a: 'x', b: 1 } }).success).toBe(false);
    expect(schema.parse({ open: { a: 'x', b: 1 } })).toEqual({ open: { a: 'x', b: 1 } });
    expect(schema.safeParse({ timings: { a: 1 } }).success).toBe(true);
    expect(schema.safeParse({ timings: { a: 'slow' } }).success).toBe(false);
    expect(schema.safeParse({ other: 1 }).success).toBe(false);
  });

  it('accepts integer enums (sora-2 durations) as literals', () => {
    const schema = build(emit({ Input: { type: 'object', properties: { duration: { type: 'integer', enum: [4, 8, 12], default: 4 } } } }));
    expect(schema.parse({ duration: 8 })).toEqual({ duration: 8 });
    expect(schema.safeParse({ duration: '8' }).success).toBe(false);
  });

  it('degrades a dangling reference to unknown, with a warning', () => {
    const source = emit({
      Input: { type: 'object', properties: { points: { type: 'array', items: { $ref: '#/components/schemas/TrackPoint' } } } },
    });
    expect(source.root).toContain('z.array(z.unknown())');
    expect(source.warnings).toEqual(['Input.points[]: dangling reference #/components/schemas/TrackPoint; accepted as unknown']);
    expect(build(source).safeParse({ points: [{ x: 1 }] }).success).toBe(true);
  });

  it('reports validation keywords it does not enforce and unknown types', () => {
    const source = emit({
      Input: {
        type: 'object',
        properties: { tags: { type: 'array', items: { type: 'string' }, uniqueItems: true }, blob: { type: 'file' } },
      },
    });
    expect(source.warnings).toEqual([
      'Input.tags: "uniqueItems" is not enforced by the zod schema',
      'Input.blob: unknown type "file"; accepted as unknown',
    ]);
  });

  it('leaves out a default the schema itself rejects, with a warning', () => {
    const source = emit({ Input: { type: 'object', properties: { mode: { type: 'string', enum: ['a', 'b'], default: 'c' } } } });
    expect(source.root).toBe('z.strictObject({ "mode": z.optional(z.enum(["a","b"])) })');
    expect(source.warnings).toEqual(['Input.mode: default "c" does not match the schema; left out of the zod schema']);
  });

  it('references recursive components lazily', () => {
    const source = emit({
      Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
      Input: { type: 'object', properties: { tree: { $ref: '#/components/schemas/Node' } } },
    });
    expect(source.declarations).toEqual([
      'const NodeSchema: z.ZodMiniType<Node, Node> = z.strictObject({ "children": z.optional(z.array(z.lazy(() => NodeSchema))) });',
    ]);
    expect(build(source).safeParse({ tree: { children: [{ children: [] }] } }).success).toBe(true);
  });

  it('refers to components built elsewhere by their expression, without declaring them', () => {
    const source = ZodSourceEmitter.forComponent(
      'Input',
      new Map<string, JsonSchema>([
        ['ImageSize', IMAGE_SIZE],
        ['Input', { type: 'object', properties: { size: { $ref: '#/components/schemas/ImageSize' } } }],
      ]),
      { constantName, external: (component) => (component === 'ImageSize' ? 'imageSizeSchema()' : undefined) },
    );
    expect(source.declarations).toEqual([]);
    expect(source.root).toBe('z.strictObject({ "size": z.optional(imageSizeSchema()) })');
    expect(source.external).toEqual(['ImageSize']);
  });

  it('uses a shared constant for an enum the mapping also lists', () => {
    const source = emit(
      { Input: { type: 'object', properties: { resolution: { type: 'string', enum: ['720p', '1080p'] } } } },
      'Input',
      new Map([['["720p","1080p"]', 'RESOLUTION_VALUES']]),
    );
    expect(source.root).toBe('z.strictObject({ "resolution": z.optional(z.enum(RESOLUTION_VALUES)) })');
  });
});
