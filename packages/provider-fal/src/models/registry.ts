import type { FalModelDefinition } from './fal-model-definition';

/** Generated fal endpoint definitions, by exact endpoint id. Edited by `pnpm codegen`. */
export const falModels: Readonly<Record<string, FalModelDefinition>> = {};
