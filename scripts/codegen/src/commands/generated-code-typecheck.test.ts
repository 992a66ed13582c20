import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../project/provider-fal-layout';
import { falDocument } from '../test-support/fal-document';
import { generateFiles } from './generate-files';

/**
 * Generates modules for schema shapes the stored fal endpoints do not all have (recursion,
 * dangling references, allOf merges, integer and frame-count durations, preset-only sizes,
 * shared components referring to each other…)
 * next to copies of provider-fal's hand-written model support, and type-checks them with the
 * repository's strict settings: every shape must yield code that compiles.
 */
const MODELS_SOURCE = join(REPO_ROOT, 'packages', 'provider-fal', 'src', 'models');
const SUPPORT = ['fal-model-definition.ts', 'fal-input-mappers.ts', 'lazy-schema.ts', 'mappers'];
const CODEGEN_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** A component two modules' inputs share, referring to another shared one. */
const SHARED_BOX = {
  Box: {
    type: 'object',
    properties: { width: { type: 'integer', minimum: 1, default: 1 }, tag: { $ref: '#/components/schemas/Tag' } },
    required: ['tag'],
  },
  Tag: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
} as const;

const ODD_SHAPES = [
  falDocument({
    endpointId: 'fal-ai/odd/video',
    components: {
      Node: {
        type: 'object',
        properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
        required: ['label'],
      },
      Base: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      Extra: { type: 'object', properties: { b: { type: 'integer', default: 1 } } },
    },
    required: ['prompt', 'image_url'],
    input: {
      prompt: { type: 'string', maxLength: 100 },
      duration: { type: 'integer', enum: [4, 8, 12], default: 4 },
      tree: { $ref: '#/components/schemas/Node' },
      merged: { allOf: [{ $ref: '#/components/schemas/Base' }, { $ref: '#/components/schemas/Extra' }] },
      track: { type: 'array', items: { $ref: '#/components/schemas/TrackPoint' } },
      either: { type: ['string', 'integer', 'null'] },
      fixed: { const: 'v1' },
      timings: { type: 'object', additionalProperties: { type: 'number' } },
      anything: {},
      image_url: { type: 'string' },
      tail_image_url: { type: 'string' },
      reference_image_urls: { type: 'array', items: { type: 'string' }, maxItems: 3 },
      video_url: { type: 'string' },
      audio_url: { type: 'string' },
      num_videos: { type: 'integer', minimum: 1, maximum: 2 },
      resolution: { type: 'string' },
    },
  }),
  falDocument({
    endpointId: 'fal-ai/odd/frames',
    components: SHARED_BOX,
    input: {
      prompt: { type: 'string' },
      box: { $ref: '#/components/schemas/Box' },
      num_frames: { type: 'integer', minimum: 17, maximum: 161, default: 81 },
      frames_per_second: { type: 'integer', minimum: 4, maximum: 60, default: 16 },
    },
  }),
  falDocument({
    endpointId: 'fal-ai/odd/decimal',
    components: SHARED_BOX,
    input: {
      prompt: { type: 'string' },
      duration: { type: 'number', minimum: 0.5, maximum: 20 },
      boxes: { type: 'array', items: { $ref: '#/components/schemas/Box' } },
    },
  }),
  falDocument({
    endpointId: 'fal-ai/odd/image',
    category: 'text-to-image',
    input: {
      prompt: { type: 'string' },
      image_size: { type: 'string', enum: ['square_hd', 'landscape_16_9'], default: 'square_hd' },
      num_images: { type: 'integer', minimum: 1, maximum: 4 },
      style: { type: 'string', enum: ['AUTO', 'DESIGN'] },
      mask_url: { type: 'string' },
      image_urls: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] },
    },
    output: { image: { $ref: '#/components/schemas/File' } },
  }),
];

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(CODEGEN_DIR, '.tmp-typecheck-'));
});

afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('generated code', () => {
  it('type-checks for every schema shape, under the repository settings', { timeout: 60_000 }, async () => {
    const models = join(workDir, 'src', 'models');
    await mkdir(models, { recursive: true });
    for (const entry of SUPPORT)
      await cp(join(MODELS_SOURCE, entry), join(models, entry), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
    const layout = {
      generatedDir: join(models, 'generated'),
      registryFile: join(models, 'registry.ts'),
      endpointParamsFile: join(models, 'fal-endpoint-params.ts'),
    };
    const generated = await generateFiles(ODD_SHAPES, layout, {
      registry: `import type { FalModelDefinition } from './fal-model-definition';\nexport const falModels: Readonly<Record<string, FalModelDefinition>> = {};\n`,
      endpointParams: 'export interface FalEndpointParams {}\n',
    });
    const modules = [...generated.files].filter(([path]) => !path.endsWith('.test.ts'));
    for (const [path, content] of modules) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    const project = new Project({
      compilerOptions: {
        target: ScriptTarget.ES2022,
        module: ModuleKind.ESNext,
        moduleResolution: ModuleResolutionKind.Bundler,
        customConditions: ['@tarash/source'],
        strict: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        noEmit: true,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        paths: { '@tarash/core': [join(REPO_ROOT, 'packages', 'core', 'src', 'index.ts')] },
      },
    });
    project.addSourceFilesAtPaths(modules.map(([path]) => path));
    const diagnostics = project
      .getPreEmitDiagnostics()
      .map((d) => `${d.getSourceFile()?.getBaseName() ?? ''}: ${project.formatDiagnosticsWithColorAndContext([d])}`);
    expect(diagnostics).toEqual([]);
    expect(generated.files.get(layout.registryFile)).toContain(`'fal-ai/odd/video': oddVideoModel`);
    expect(generated.files.get(join(layout.generatedDir, 'fal-shared-components.ts'))).toContain(
      'export const boxSchema = lazySchema((): z.ZodMiniType<Box, Box> =>',
    );
  });
});
