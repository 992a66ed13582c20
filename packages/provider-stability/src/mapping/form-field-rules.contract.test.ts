import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPng } from '@tarash/testing';
import { locateContracts } from '@tarash/testing/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STABILITY_IMAGE_MODELS } from '../models/stability-models';
import { startStabilityFixture, type StabilityFixture } from '../test-support/stability-fixture';
import { IMAGE_FIELD_RULES, VIDEO_FIELD_RULES, type FormFieldRule, type FormFieldRules } from './form-field-rules';

const contractsDir = locateContracts({ skipping: 'the Stability contract checks of the form field rules' });
const skip = contractsDir === undefined;

interface PropertySchema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly $ref?: string;
}

interface Contract {
  readonly paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, PropertySchema> } }> } } }>;
  readonly components: { readonly schemas: Record<string, PropertySchema> };
}

function contract(): Contract {
  return JSON.parse(readFileSync(join(contractsDir as string, 'stability', 'v2beta-subset.reconstructed.openapi.json'), 'utf8')) as Contract;
}

function properties(document: Contract, path: string): Record<string, PropertySchema> {
  const schema = document.paths[path]?.post?.requestBody?.content?.['multipart/form-data']?.schema;
  if (!schema?.properties) throw new Error(`the contract has no multipart body for POST ${path}`);
  return Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => [name, property.$ref ? (document.components.schemas[property.$ref.split('/').at(-1) as string] as PropertySchema) : property]),
  );
}

/** Our rule written in the contract's terms, to compare the two. */
function asSchema(rule: FormFieldRule): PropertySchema {
  switch (rule.kind) {
    case 'file':
      return { type: 'string', format: 'binary' };
    case 'text':
      return { type: 'string', ...(rule.min > 0 ? { minLength: rule.min } : {}), maxLength: rule.max };
    case 'number':
      return { type: 'number', minimum: rule.min, maximum: rule.max };
    case 'enum':
      return { type: 'string', enum: [...rule.values].sort() };
  }
}

function comparable(schema: PropertySchema): PropertySchema {
  const { type, format, minimum, maximum, minLength, maxLength } = schema;
  return { type, ...(format === 'binary' ? { format } : {}), minimum, maximum, minLength, maxLength, ...(schema.enum ? { enum: [...schema.enum].sort() } : {}) } as PropertySchema;
}

function compare(rules: FormFieldRules, contractProperties: Record<string, PropertySchema>, except: readonly string[] = []) {
  expect(Object.keys(rules).sort()).toEqual(Object.keys(contractProperties).sort());
  for (const [field, rule] of Object.entries(rules)) {
    if (except.includes(field)) continue;
    expect(comparable(asSchema(rule)), field).toEqual(comparable(contractProperties[field] as PropertySchema));
  }
}

describe.skipIf(skip)(`stability field rules against the stored contract${skip ? ' (skipped: no shared contracts folder)' : ''}`, () => {
  it.each(['ultra', 'core', 'sd3'] as const)('the %s rules match the contract field for field', (endpoint) => {
    compare(IMAGE_FIELD_RULES[endpoint], properties(contract(), `/v2beta/stable-image/generate/${endpoint}`), endpoint === 'sd3' ? ['model'] : []);
  });

  it('takes every sd3 model of the contract, plus sd3.5-flash (named in its description) and the re-routed sd3-* ids', () => {
    const rule = IMAGE_FIELD_RULES.sd3.model;
    const documented = properties(contract(), '/v2beta/stable-image/generate/sd3').model?.enum ?? [];
    expect(rule?.kind === 'enum' && [...rule.values].sort()).toEqual([...documented, 'sd3.5-flash', 'sd3-large', 'sd3-large-turbo', 'sd3-medium'].sort());
  });

  it('the image-to-video rules match the contract', () => {
    compare(VIDEO_FIELD_RULES, properties(contract(), '/v2beta/image-to-video'));
  });
});

describe.skipIf(skip)('stability requests the fake server validates against the stored contract', () => {
  let fixture: StabilityFixture;

  beforeAll(async () => {
    fixture = await startStabilityFixture();
  });

  afterAll(async () => {
    await fixture.close();
  });

  it.each(Object.keys(STABILITY_IMAGE_MODELS))('%s: a request using every mapped field is accepted', async (model) => {
    const extraParams = { output_format: 'jpeg', ...(STABILITY_IMAGE_MODELS[model]?.endpoint === 'sd3' ? { cfg_scale: 1 } : {}) };
    await fixture.gateway.generateImage(fixture.config(model), { prompt: 'A calm lake', negativePrompt: 'fog', aspectRatio: '9:21', seed: 4_294_967_294, style: 'tile-texture', extraParams });
    expect(fixture.server.requests({ phase: 'generate' }).at(-1)?.status).toBe(200);
  });

  it.each(Object.values(STABILITY_IMAGE_MODELS).filter((model) => model.imageToImage).map((model) => model.id))('%s: image-to-image is accepted', async (model) => {
    const image = new Uint8Array(createPng({ width: 64, height: 64 }));
    await fixture.gateway.generateImage(fixture.config(model), { prompt: 'x', imageList: [{ image, type: 'reference' }], extraParams: { strength: 1 } });
    expect(fixture.server.requests({ phase: 'generate' }).at(-1)?.status).toBe(200);
  });

  it('stable-video-diffusion: a start with every field is accepted', async () => {
    const image = new Uint8Array(createPng({ width: 576, height: 1024 }));
    await fixture.gateway.startVideo(fixture.config('stable-video-diffusion'), { prompt: 'x', seed: 0, imageList: [{ image, type: 'first_frame' }], extraParams: { cfg_scale: 10, motion_bucket_id: 255 } });
    expect(fixture.server.requests({ phase: 'submit' }).at(-1)?.status).toBe(200);
  });
});
