import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../request-body';
import { OpenApiContract } from './openapi-contract';

const dir = mkdtempSync(join(tmpdir(), 'tarash-contract-'));

function writeDocument(name: string, document: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(document));
  return file;
}

/** A tiny OpenAPI 3.0 document exercising the quirks the validator must handle. */
const openapi30 = writeDocument('v30.json', {
  openapi: '3.0.4',
  info: { title: 't', version: '1' },
  paths: {
    '/videos': {
      post: {
        requestBody: { $ref: '#/components/requestBodies/VideoBody' },
      },
    },
    '/videos/{video_id}/edit': {
      post: {
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['prompt', 'image'],
                properties: { prompt: { type: 'string' }, seconds: { type: 'integer', maximum: 12 }, image: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
      },
    },
    '/videos/{video_id}': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Video' } } } } } } },
  },
  components: {
    requestBodies: {
      VideoBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/VideoInput' } } } },
    },
    schemas: {
      VideoInput: {
        type: 'object',
        'x-vendor-order': ['prompt'],
        required: ['prompt'],
        properties: {
          prompt: { type: 'string', maxLength: 10 },
          duration: { type: 'string', enum: ['4s', '8s'] },
          seed: { type: 'integer', nullable: true },
          mode: { type: 'string', enum: ['a', 'b'], nullable: true },
          strength: { type: 'number', minimum: 0, exclusiveMinimum: true, format: 'float' },
          size: { allOf: [{ $ref: '#/components/schemas/Size' }], nullable: true },
          shape: { anyOf: [{ $ref: '#/components/schemas/Size' }, { type: 'string', enum: ['square', 'wide'] }] },
          broken: { $ref: '#/components/schemas/DoesNotExist' },
          fps: { type: 'string', format: 'vendor-specific-format' },
        },
      },
      Size: { type: 'object', required: ['width'], properties: { width: { type: 'integer', minimum: 1 } } },
      Video: { type: 'object', properties: { id: { type: 'string' } } },
    },
  },
});

async function json(value: unknown) {
  return parseBody(Buffer.from(JSON.stringify(value)), 'application/json');
}

describe('OpenApiContract (3.0)', () => {
  const contract = OpenApiContract.load(openapi30);
  const create = contract.findOperation('POST', '/videos');

  it('loads each file once and finds operations by template or concrete path', () => {
    expect(OpenApiContract.load(openapi30)).toBe(contract);
    expect(contract.dialect).toBe('openapi-3.0');
    expect(create?.pathTemplate).toBe('/videos');
    expect(contract.findOperation('GET', '/videos/abc')?.pathTemplate).toBe('/videos/{video_id}');
    expect(contract.findOperation('DELETE', '/videos/abc')).toBeUndefined();
    expect(contract.responseSchema(contract.findOperation('GET', '/videos/abc')!)).toEqual({ $ref: '#/components/schemas/Video' });
  });

  it('accepts a valid body (vendor keywords, nullable, unknown formats and dangling refs are tolerated)', async () => {
    const body = { prompt: 'lake', duration: '4s', seed: null, mode: null, strength: 0.5, size: null, shape: 'square', broken: { any: 1 }, fps: '24' };
    expect(contract.validateRequestBody(create!, await json(body))).toEqual([]);
    expect(contract.danglingRefs).toEqual(['#/components/schemas/DoesNotExist']);
  });

  it('reports neutral issues naming the field, the allowed values and the value', async () => {
    const issues = contract.validateRequestBody(create!, await json({ duration: '5s', strength: 0, prompt: 'x'.repeat(11), mode: 'c' }));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['duration'], keyword: 'enum', value: '5s', message: 'duration must be one of "4s", "8s"; got "5s"' }),
        expect.objectContaining({ path: ['strength'], keyword: 'exclusiveMinimum', value: 0 }),
        expect.objectContaining({ path: ['prompt'], keyword: 'maxLength' }),
        expect.objectContaining({ path: ['mode'], keyword: 'enum', message: 'mode must be one of "a", "b", null; got "c"' }),
      ]),
    );
    expect(issues).toHaveLength(4);
    expect(contract.validateRequestBody(create!, await json({}))).toEqual([
      { path: ['prompt'], message: 'prompt is required', keyword: 'required', params: { missingProperty: 'prompt' }, value: undefined },
    ]);
  });

  it('reports a failed union by the branch that fits the value, or as the union', async () => {
    const nested = contract.validateRequestBody(create!, await json({ prompt: 'p', shape: { width: 0 } }));
    expect(nested.map((issue) => [issue.path, issue.keyword])).toEqual([[['shape', 'width'], 'minimum']]);
    const wrongEnum = contract.validateRequestBody(create!, await json({ prompt: 'p', shape: 'tall' }));
    expect(wrongEnum.map((issue) => [issue.path, issue.keyword])).toEqual([[['shape'], 'enum']]);
    const wrongType = contract.validateRequestBody(create!, await json({ prompt: 'p', shape: 3 }));
    expect(wrongType.map((issue) => issue.message)).toEqual(['shape must be object or string; got 3']);
    const nullableRef = contract.validateRequestBody(create!, await json({ prompt: 'p', size: { width: 'w' } }));
    expect(nullableRef.map((issue) => issue.path)).toEqual([['size', 'width']]);
  });

  it('validates multipart bodies with coerced fields and files standing in by name', async () => {
    const edit = contract.findOperation('POST', '/videos/v1/edit')!;
    const form = new FormData();
    form.append('prompt', 'p');
    form.append('seconds', '8');
    form.append('image', new Blob([new Uint8Array([1])], { type: 'image/png' }), 'a.png');
    const request = new Request('http://x.invalid/', { method: 'POST', body: form });
    const body = await parseBody(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? '');
    expect(contract.validateRequestBody(edit, body)).toEqual([]);
    const tooLong = new FormData();
    tooLong.append('prompt', 'p');
    tooLong.append('seconds', '20');
    const second = new Request('http://x.invalid/', { method: 'POST', body: tooLong });
    const issues = contract.validateRequestBody(edit, await parseBody(Buffer.from(await second.arrayBuffer()), second.headers.get('content-type') ?? ''));
    expect(issues.map((issue) => `${issue.path.join('.')}:${issue.keyword}`).sort()).toEqual(['image:required', 'seconds:maximum']);
  });

  it('reports a body of an undeclared media type as one issue', async () => {
    const edit = contract.findOperation('POST', '/videos/v1/edit')!;
    expect(contract.validateRequestBody(edit, await json({ prompt: 'p' }))).toEqual([
      expect.objectContaining({ keyword: 'contentType', message: '(body) must be sent as multipart/form-data; got application/json' }),
    ]);
  });
});

describe('OpenApiContract (3.1) and loading errors', () => {
  it('validates JSON Schema 2020-12 schemas (type arrays, $defs-style refs)', async () => {
    const file = writeDocument('v31.json', {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/images': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/In' } } } } } } },
      components: {
        schemas: {
          In: { type: 'object', required: ['n'], properties: { n: { type: ['integer', 'null'], maximum: 4 }, size: { const: 'auto' } } },
        },
      },
    });
    const contract = OpenApiContract.load(file);
    const operation = contract.findOperation('POST', '/images')!;
    expect(contract.dialect).toBe('openapi-3.1');
    expect(contract.validateRequestBody(operation, await json({ n: null, size: 'auto' }))).toEqual([]);
    expect(contract.validateRequestBody(operation, await json({ n: 5, size: 'big' })).map((issue) => issue.message)).toEqual([
      'n must be <= 4; got 5',
      'size must be "auto"; got "big"',
    ]);
  });

  it('names the file when it is missing, not JSON, or not OpenAPI 3', () => {
    expect(() => OpenApiContract.load(join(dir, 'missing.json'))).toThrow(/Cannot read the OpenAPI document .*missing\.json/);
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(() => OpenApiContract.load(join(dir, 'bad.json'))).toThrow(/bad\.json is not valid JSON/);
    const swagger = writeDocument('swagger.json', { swagger: '2.0' });
    expect(() => OpenApiContract.load(swagger)).toThrow(/swagger\.json is not an OpenAPI 3\.0\/3\.1 document/);
  });
});
