import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'helpers/index': 'src/helpers/index.ts', 'fal/index': 'src/fal/index.ts', 'replicate/index': 'src/replicate/index.ts', 'google/index': 'src/google/index.ts', 'openai/index': 'src/openai/index.ts', 'stability/index': 'src/stability/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'node',
  splitting: true,
  treeshake: true,
  external: ['ajv', 'ajv-formats'],
});
