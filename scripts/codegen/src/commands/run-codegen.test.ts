import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { falDocumentText, type FalDocumentSpec } from '../test-support/fal-document';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace';
import { parseCodegenArgs } from './codegen-options';
import { CodegenError, runCodegen } from './run-codegen';

const VEO: FalDocumentSpec = {
  endpointId: 'fal-ai/veo9',
  input: { prompt: { type: 'string' }, duration: { type: 'string', enum: ['4s', '8s'], default: '8s' } },
};
const VEO_FAST: FalDocumentSpec = { ...VEO, endpointId: 'fal-ai/veo9/fast' };
const FLUX: FalDocumentSpec = {
  endpointId: 'fal-ai/flux9',
  category: 'text-to-image',
  input: { prompt: { type: 'string' }, num_images: { type: 'integer', minimum: 1, maximum: 4 } },
  output: { images: { type: 'array', items: { $ref: '#/components/schemas/File' } } },
};

let workspace: TempWorkspace;

beforeEach(async () => {
  workspace = await createTempWorkspace();
  for (const spec of [VEO, VEO_FAST, FLUX]) await workspace.storeSchema(spec);
});

afterEach(() => workspace.remove());

const run = (args: string[], overrides: Parameters<TempWorkspace['environment']>[0] = {}): Promise<number> =>
  runCodegen(parseCodegenArgs(args, overrides.env ?? {}), workspace.environment(overrides));

const generatedFiles = async (): Promise<string[]> =>
  existsSync(workspace.generatedDir) ? (await readdir(workspace.generatedDir)).sort() : [];
const registry = (): Promise<string> => readFile(join(workspace.packageDir, 'src', 'models', 'registry.ts'), 'utf8');

describe('runCodegen', () => {
  it('generates every stored endpoint with --all, grouping families, and changes nothing the second time', async () => {
    expect(await run(['--all', '--schema-dir', workspace.schemaDir])).toBe(0);
    expect(await generatedFiles()).toEqual(['fal-shared-components.ts', 'flux9.test.ts', 'flux9.ts', 'veo9.test.ts', 'veo9.ts']);
    expect(await registry()).toContain(`'fal-ai/veo9/fast': veo9FastModel`);
    expect(workspace.lines.at(-1)).toMatch(/^codegen: 3 endpoints in 2 modules, 7 file\(s\) changed/);
    expect(await run(['--all', '--schema-dir', workspace.schemaDir])).toBe(0);
    expect(workspace.lines.at(-1)).toMatch(/^codegen: 3 endpoints in 2 modules, 0 file\(s\) changed/);
  });

  it('--check passes on fresh output and lists missing, changed and stale files', async () => {
    await run(['--all', '--schema-dir', workspace.schemaDir]);
    expect(await run(['--check', '--schema-dir', workspace.schemaDir])).toBe(0);
    await appendFile(join(workspace.generatedDir, 'veo9.ts'), '\n// edited by hand\n');
    await writeFile(join(workspace.generatedDir, 'old-model.ts'), 'export {};\n');
    await writeFile(join(workspace.generatedDir, 'flux9.test.ts'), '');
    workspace.lines.length = 0;
    expect(await run(['--check', '--schema-dir', workspace.schemaDir])).toBe(1);
    expect(workspace.lines).toEqual([
      'codegen --check: 3 file(s) differ from a fresh generation; run pnpm codegen to regenerate them:',
      '  changed packages/provider-fal/src/models/generated/flux9.test.ts',
      '  changed packages/provider-fal/src/models/generated/veo9.ts',
      '  stale   packages/provider-fal/src/models/generated/old-model.ts',
    ]);
  });

  it('--check notices a schema that changed since generation, and a run without arguments regenerates', async () => {
    await run(['fal-ai/flux9', 'fal-ai/veo9', '--schema-dir', workspace.schemaDir]);
    await workspace.storeSchema({ ...FLUX, input: { ...FLUX.input, num_images: { type: 'integer', minimum: 1, maximum: 8 } } });
    workspace.lines.length = 0;
    expect(await run(['--check', '--schema-dir', workspace.schemaDir])).toBe(1);
    expect(workspace.lines.slice(1)).toEqual([
      // Its banner lists the sha256 of every document that uses a shared component.
      '  changed packages/provider-fal/src/models/generated/fal-shared-components.ts',
      '  changed packages/provider-fal/src/models/generated/flux9.test.ts',
      '  changed packages/provider-fal/src/models/generated/flux9.ts',
    ]);
    expect(await run(['--schema-dir', workspace.schemaDir])).toBe(0);
    expect(await generatedFiles()).toEqual(['fal-shared-components.ts', 'flux9.test.ts', 'flux9.ts', 'veo9.test.ts', 'veo9.ts']);
    expect(await run(['--check', '--schema-dir', workspace.schemaDir])).toBe(0);
  });

  it('--check skips without a schema directory, unless CI=true', async () => {
    const missing = join(workspace.root, 'nowhere');
    expect(await run(['--check', '--schema-dir', missing])).toBe(0);
    expect(workspace.lines.at(-1)).toBe(`codegen --check skipped: schema directory ${missing} not found (set TARASH_CONTRACTS_DIR)`);
    expect(await run(['--check', '--schema-dir', missing], { env: { CI: 'true' } })).toBe(1);
    expect(workspace.lines.at(-1)).toMatch(/^codegen --check FAILED: schema directory/);
  });

  it('reads the default schema directory from TARASH_CONTRACTS_DIR', async () => {
    const contracts = join(workspace.root, 'contracts');
    expect(await run(['--all'], { env: { TARASH_CONTRACTS_DIR: contracts } }).catch((e: Error) => e.message)).toBe(
      `--all: schema directory ${join(contracts, 'fal', 'openapi')} not found`,
    );
  });

  it('--remove deletes a model cleanly and regroups its family', async () => {
    await run(['--all', '--schema-dir', workspace.schemaDir]);
    expect(await run(['--remove', 'fal-ai/flux9', '--schema-dir', workspace.schemaDir])).toBe(0);
    // With one module left, nothing is shared: FalFile moves back into it and the shared module goes.
    expect(await generatedFiles()).toEqual(['veo9.test.ts', 'veo9.ts']);
    expect(await readFile(join(workspace.generatedDir, 'veo9.ts'), 'utf8')).toContain('export interface FalFile {');
    expect(await registry()).not.toContain('flux9');
    expect(await run(['--remove', 'fal-ai/veo9', '--schema-dir', workspace.schemaDir])).toBe(0);
    expect(await generatedFiles()).toEqual(['veo9-fast.test.ts', 'veo9-fast.ts']);
    await expect(run(['--remove', 'fal-ai/veo9', '--schema-dir', workspace.schemaDir])).rejects.toThrow(
      new CodegenError('cannot remove fal-ai/veo9: not generated (see src/models/registry.ts)'),
    );
  });

  it('adds endpoints from --schema files and from named ids in --schema-dir, offline', async () => {
    const file = join(workspace.root, 'flux9.json');
    await writeFile(file, falDocumentText(FLUX));
    expect(await run(['--schema', 'flux9.json'])).toBe(0);
    expect(await run(['fal-ai/veo9', '--schema-dir', 'schemas'])).toBe(0);
    expect(await generatedFiles()).toEqual(['fal-shared-components.ts', 'flux9.test.ts', 'flux9.ts', 'veo9.test.ts', 'veo9.ts']);
    await expect(run(['fal-ai/missing', '--schema-dir', 'schemas'])).rejects.toThrow(
      `fal-ai/missing: no stored schema in ${workspace.schemaDir}`,
    );
  });

  describe('fetching from a schema server', () => {
    let server: Server;
    let baseUrl: string;
    const requests: string[] = [];

    beforeEach(async () => {
      requests.length = 0;
      server = createServer((request, response) => {
        requests.push(request.url ?? '');
        const id = new URL(request.url ?? '', 'http://x').searchParams.get('endpoint_id');
        const spec = [VEO, FLUX].find((s) => s.endpointId === id);
        response.writeHead(spec ? 200 : 404, { 'content-type': 'application/json' });
        response.end(spec ? falDocumentText(spec) : '{"detail":"Not found"}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/openapi/queue/openapi.json`;
    });

    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches named endpoints from --base-url (or FAL_OPENAPI_BASE_URL)', async () => {
      expect(await run(['fal-ai/veo9', '--base-url', baseUrl], { fetch: globalThis.fetch })).toBe(0);
      expect(
        await run(['fal-ai/flux9'], {
          fetch: globalThis.fetch,
          env: { FAL_OPENAPI_BASE_URL: baseUrl, TARASH_CONTRACTS_DIR: join(workspace.root, 'none') },
        }),
      ).toBe(0);
      expect(requests).toEqual([
        '/api/openapi/queue/openapi.json?endpoint_id=fal-ai%2Fveo9',
        '/api/openapi/queue/openapi.json?endpoint_id=fal-ai%2Fflux9',
        '/api/openapi/queue/openapi.json?endpoint_id=fal-ai%2Fveo9',
      ]);
      expect(await generatedFiles()).toEqual(['fal-shared-components.ts', 'flux9.test.ts', 'flux9.ts', 'veo9.test.ts', 'veo9.ts']);
      expect(await readFile(join(workspace.generatedDir, 'veo9.ts'), 'utf8')).toContain(
        '//   fal-ai/veo9: https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=fal-ai/veo9 (stored as fal-ai__veo9.json), sha256 ',
      );
    });

    it('reports an endpoint the server does not know, writing nothing', async () => {
      await expect(run(['fal-ai/unknown', '--base-url', baseUrl], { fetch: globalThis.fetch })).rejects.toThrow(
        `fetching ${baseUrl}?endpoint_id=fal-ai%2Funknown failed: HTTP 404 {"detail":"Not found"}`,
      );
      expect(await generatedFiles()).toEqual([]);
    });
  });

  it('degrades shapes it cannot express, printing notes instead of failing', async () => {
    await workspace.storeSchema({
      endpointId: 'fal-ai/odd',
      input: {
        prompt: { type: 'string' },
        track: { type: 'array', items: { $ref: '#/components/schemas/TrackPoint' } },
        duration: { type: 'string', enum: ['short', 'long'] },
        frontal_image_url: { type: 'string' },
      },
    });
    expect(await run(['fal-ai/odd', '--schema-dir', workspace.schemaDir])).toBe(0);
    expect(workspace.lines.slice(0, 5)).toEqual([
      'note: fal-ai/odd',
      '  - durationSeconds is not mapped: "duration" has values that are not seconds (["short","long"])',
      '  - "frontal_image_url" looks like a media input with no standard role; it is left to extraParams',
      '  - dangling reference #/components/schemas/TrackPoint: typed as unknown',
      '  - EndpointInput.track[]: dangling reference #/components/schemas/TrackPoint; accepted as unknown',
    ]);
    const module = await readFile(join(workspace.generatedDir, 'odd.ts'), 'utf8');
    expect(module).toContain('track?: unknown[];');
    expect(module).toContain('track: z.optional(z.array(z.unknown()))');
  });

  it('refuses an endpoint it cannot generate, writing nothing', async () => {
    await workspace.storeSchema({
      endpointId: 'fal-ai/tts',
      category: 'text-to-audio',
      input: { text: { type: 'string' } },
      output: { audio: { $ref: '#/components/schemas/File' } },
    });
    await expect(run(['fal-ai/tts', '--schema-dir', workspace.schemaDir])).rejects.toThrow(
      'cannot generate:\n  fal-ai/tts: neither a video nor an image endpoint',
    );
    expect(await generatedFiles()).toEqual([]);
  });
});
