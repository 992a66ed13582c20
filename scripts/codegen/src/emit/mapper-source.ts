import type { DurationPlan } from '../analysis/duration-plan';
import type { MapperPlan } from '../analysis/mapping-plan';

/** Where a mapper function comes from: core's toolkit or a fal-specific mapper module. */
export type MapperImport =
  { readonly from: '@tarash/core'; readonly name: string } | { readonly from: `../mappers/${string}`; readonly name: string };

/** A mapper call as source, with the import it needs. */
export interface MapperSource {
  readonly code: string;
  readonly imports: readonly MapperImport[];
}

/** Writes a value as source: a shared constant's name where one holds it, else JSON. */
export type ValueWriter = (value: unknown) => string;

const json: ValueWriter = (value) => JSON.stringify(value);
const core = (name: string): MapperImport => ({ from: '@tarash/core', name });
const falMapper = (name: string, module: string): MapperImport => ({ from: `../mappers/${module}`, name });

/** `{ a: 1, b: 2 }` from the defined entries. */
function options(entries: Record<string, unknown>, literal: ValueWriter): string {
  const defined = Object.entries(entries).filter(([, value]) => value !== undefined);
  return `{ ${defined.map(([key, value]) => `${key}: ${literal(value)}`).join(', ')} }`;
}

function durationSource(plan: DurationPlan, literal: ValueWriter): MapperSource {
  switch (plan.kind) {
    case 'enum':
      return { code: `durationField(${options({ allowed: plan.allowed }, literal)})`, imports: [core('durationField')] };
    case 'range':
      return {
        code: `durationField(${options({ format: plan.format, min: plan.min, max: plan.max }, literal)})`,
        imports: [core('durationField')],
      };
    case 'decimal-range':
      return {
        code: `numberRangeField('durationSeconds', ${options({ min: plan.min, max: plan.max }, literal)})`,
        imports: [core('numberRangeField')],
      };
    case 'frames':
      return {
        code: `frameCountDurationField(${options({ minFrames: plan.minFrames, maxFrames: plan.maxFrames, fpsField: plan.fpsField, defaultFps: plan.defaultFps }, literal)})`,
        imports: [falMapper('frameCountDurationField', 'frame-count-duration-field')],
      };
  }
}

/** The source of one mapper (`durationField({ allowed: ["4s", "6s", "8s"] })`…). */
export function mapperSource(plan: MapperPlan, literal: ValueWriter = json): MapperSource {
  switch (plan.kind) {
    case 'passthrough':
      return { code: `passthrough(${literal(plan.source)})`, imports: [core('passthrough')] };
    case 'enum':
      return {
        code: `caseInsensitiveEnumField(${literal(plan.source)}, ${literal(plan.allowed)})`,
        imports: [core('caseInsensitiveEnumField')],
      };
    case 'number-range':
      return {
        code: `numberRangeField(${literal(plan.source)}, ${options({ min: plan.min, max: plan.max, integer: plan.integer }, literal)})`,
        imports: [core('numberRangeField')],
      };
    case 'duration':
      return durationSource(plan.plan, literal);
    case 'image-size':
      return {
        code: `imageSizeField(${options({ presets: plan.presets, customSize: plan.customSize, fromAspectRatio: plan.fromAspectRatio }, literal)})`,
        imports: [falMapper('imageSizeField', 'image-size-field')],
      };
    case 'image':
      return {
        code: `imageField(${options({ roles: plan.roles, required: plan.required || undefined }, literal)})`,
        imports: [core('imageField')],
      };
    case 'image-list':
      return {
        code: `imageListField(${options({ roles: plan.roles, required: plan.required || undefined, min: plan.min, max: plan.max }, literal)})`,
        imports: [core('imageListField')],
      };
    case 'media':
      return {
        code: `mediaField(${literal(plan.source)}, ${literal(plan.mediaKind)}${plan.required ? ', { required: true }' : ''})`,
        imports: [core('mediaField')],
      };
  }
}
