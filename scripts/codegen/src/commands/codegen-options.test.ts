import { describe, expect, it } from 'vitest';
import { parseCodegenArgs, UsageError } from './codegen-options';

describe('parseCodegenArgs', () => {
  it('reads endpoint ids, repeatable --schema and --remove, and the base URL from the flag or the environment', () => {
    const options = parseCodegenArgs(
      ['fal-ai/veo3.1', '--schema', 'a.json', '--schema', 'b.json', '--base-url', 'http://127.0.0.1:9/x'],
      {},
    );
    expect(options).toMatchObject({
      endpointIds: ['fal-ai/veo3.1'],
      schemaFiles: ['a.json', 'b.json'],
      baseUrl: 'http://127.0.0.1:9/x',
      check: false,
      all: false,
    });
    expect(parseCodegenArgs(['--remove', 'fal-ai/a', '--remove', 'fal-ai/b'], {}).remove).toEqual(['fal-ai/a', 'fal-ai/b']);
    expect(parseCodegenArgs(['fal-ai/veo3.1'], { FAL_OPENAPI_BASE_URL: 'http://mirror/openapi.json' }).baseUrl).toBe(
      'http://mirror/openapi.json',
    );
    expect(parseCodegenArgs(['fal-ai/veo3.1'], {}).baseUrl).toBe('https://fal.ai/api/openapi/queue/openapi.json');
    expect(parseCodegenArgs([], {})).toMatchObject({ endpointIds: [], schemaFiles: [], remove: [], all: false, check: false });
  });

  it('rejects what is not an endpoint id, naming it', () => {
    expect(() => parseCodegenArgs(['veo3.1'], {})).toThrow(
      new UsageError('"veo3.1" is not a fal endpoint id (expected owner/app[/path], e.g. fal-ai/veo3.1)'),
    );
    expect(() => parseCodegenArgs(['--remove', 'fal-ai/'], {})).toThrow(UsageError);
  });

  it('rejects unknown flags and --check with endpoints', () => {
    expect(() => parseCodegenArgs(['--chek'], {})).toThrow(UsageError);
    expect(() => parseCodegenArgs(['--check', 'fal-ai/veo3.1'], {})).toThrow(
      '--check takes no endpoints: it checks every generated endpoint',
    );
    expect(parseCodegenArgs(['--help'], {}).help).toBe(true);
  });
});
