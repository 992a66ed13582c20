import type { ModelFamily } from '../analysis/family-grouping';
import { buildEndpointSample } from '../analysis/sample-request';
import { generatedBanner } from './banner';
import type { FamilyNames } from './family-names';

/**
 * Writes a family's test: for each endpoint, representative standard requests (built from
 * the schema) must map to bodies that pass the zod schema and fal's stored OpenAPI schema,
 * and an unsupported duration must fail listing the allowed values. The checks themselves
 * live in `describeFalModel` (src/models/testing).
 */
export function emitModelTest(family: ModelFamily, names: FamilyNames): string {
  const sample = buildEndpointSample(family.representative);
  const models = family.members.map((m) => names.models.get(m.schema.endpointId) ?? '');
  return [
    generatedBanner(family.members.map((m) => m.schema)),
    `import { describeFalModel, type FalModelSample } from '../testing/describe-fal-model';`,
    `import { ${[...models].sort().join(', ')} } from './${names.module}';`,
    '',
    `const sample: FalModelSample = ${JSON.stringify(sample)};`,
    '',
    ...models.map((model) => `describeFalModel(${model}, sample);`),
    '',
  ].join('\n');
}
