/** Global names a generated type must not shadow (fal calls its file schema `File`). */
const RESERVED_TYPE_NAMES = new Set([
  'Array',
  'Blob',
  'Boolean',
  'Date',
  'Error',
  'File',
  'Function',
  'Headers',
  'Image',
  'Map',
  'Number',
  'Object',
  'Partial',
  'Promise',
  'Record',
  'Request',
  'Response',
  'Set',
  'String',
  'Symbol',
  'URL',
]);

/** `veo3.1/fast` → `Veo31Fast`, `fal-ai_flux-2-klein_LoRAInput` → `FalAiFlux2KleinLoRAInput`. */
export function pascalCase(text: string): string {
  const name = text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[0-9]/.test(name) || name === '' ? `Fal${name}` : name;
}

/** `veo3.1/fast` → `veo31Fast`, `RGBColor` → `rgbColor` (a leading acronym is lowered whole). */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  const acronym = /^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$/.exec(pascal)?.[0] ?? pascal.charAt(0);
  return acronym.toLowerCase() + pascal.slice(acronym.length);
}

/** The endpoint id without fal's own owner: `fal-ai/veo3.1/fast` → `veo3.1/fast`. */
export function endpointBaseName(endpointId: string): string {
  return endpointId.replace(/^fal-ai\//, '');
}

/** Module file stem of an endpoint: `fal-ai/veo3.1/fast` → `veo3-1-fast`. */
export function moduleSlug(endpointId: string): string {
  return endpointBaseName(endpointId)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A type name for a schema component: a valid identifier that shadows no global type. */
export function typeNameFor(componentName: string): string {
  const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(componentName) ? componentName : pascalCase(componentName);
  return RESERVED_TYPE_NAMES.has(name) ? `Fal${name}` : name;
}

/** The constant holding a component's zod schema: `ImageSize` → `imageSizeSchema`. */
export function schemaConstantName(typeName: string): string {
  return `${camelCase(typeName)}Schema`;
}

/** Gives each key a unique name from `propose`, adding `2`, `3`… on collisions, in key order. */
export function uniqueNames<K>(keys: readonly K[], propose: (key: K) => string, taken: Iterable<string> = []): Map<K, string> {
  const used = new Set(taken);
  const names = new Map<K, string>();
  for (const key of keys) {
    const base = propose(key);
    let name = base;
    for (let i = 2; used.has(name); i += 1) name = `${base}${i}`;
    used.add(name);
    names.set(key, name);
  }
  return names;
}
