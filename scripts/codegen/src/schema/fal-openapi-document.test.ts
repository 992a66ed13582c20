import { describe, expect, it } from 'vitest';
import { falDocumentText } from '../test-support/fal-document';
import { parseFalOpenApiDocument, schemaFileName, SchemaDocumentError, sha256Hex } from './fal-openapi-document';

const origin = { kind: 'file', path: 'x.json' } as const;
const text = falDocumentText({ endpointId: 'fal-ai/veo3.1/fast', category: 'text-to-video', input: { prompt: { type: 'string' } } });

describe('parseFalOpenApiDocument', () => {
  it('finds the endpoint id, category, input and output schemas and hashes the document', () => {
    const schema = parseFalOpenApiDocument(text, origin, 'fal-ai/veo3.1/fast');
    expect(schema).toMatchObject({
      endpointId: 'fal-ai/veo3.1/fast',
      category: 'text-to-video',
      inputName: 'EndpointInput',
      outputName: 'EndpointOutput',
      sha256: sha256Hex(text),
    });
    expect(schema.components.has('File')).toBe(true);
  });

  it('names what is missing or wrong', () => {
    expect(() => parseFalOpenApiDocument('{', origin)).toThrow(SchemaDocumentError);
    expect(() => parseFalOpenApiDocument('{}', origin)).toThrow('x.json: not an OpenAPI document (no "paths")');
    expect(() => parseFalOpenApiDocument(text, origin, 'fal-ai/veo3.1')).toThrow('x.json: describes fal-ai/veo3.1/fast, not fal-ai/veo3.1');
    const noSubmit = JSON.stringify({ ...JSON.parse(text), paths: {} });
    expect(() => parseFalOpenApiDocument(noSubmit, origin)).toThrow('x.json: no "POST /fal-ai/veo3.1/fast" operation');
    const danglingInput = text.replace('"$ref":"#/components/schemas/EndpointInput"', '"$ref":"#/components/schemas/Missing"');
    expect(() => parseFalOpenApiDocument(danglingInput, origin)).toThrow(
      'fal-ai/veo3.1/fast: the input schema #/components/schemas/Missing is not in components.schemas',
    );
  });

  it('names stored copies after the id with / as __', () => {
    expect(schemaFileName('fal-ai/veo3.1/fast')).toBe('fal-ai__veo3.1__fast.json');
  });
});
