import type { DurationPlan } from './duration-plan';
import type { EndpointAnalysis } from './endpoint-analysis';
import { sampleValue } from './sample-value';

/** Test data for one endpoint, derived from its schema and mapping plan. */
export interface EndpointSample {
  /** Standard requests (JSON, media as URLs) that must map to a body the endpoint accepts. */
  readonly requests: readonly Record<string, unknown>[];
  /** Standard fields of those requests the endpoint has no use for (they must be reported). */
  readonly unused: readonly string[];
  /** A duration the endpoint must reject, and text the error must contain. */
  readonly unsupportedDuration?: { readonly durationSeconds: number; readonly mentions: readonly string[] };
}

/** Values for standard fields sent as they are (others are sampled from the endpoint's schema). */
const PASSTHROUGH_SAMPLES: Readonly<Record<string, unknown>> = {
  negativePrompt: 'blurry, low quality',
  seed: 42,
  generateAudio: true,
  enhancePrompt: true,
};

const seconds = (value: string | number): number => (typeof value === 'number' ? value : Number.parseFloat(value));

/** Flips the case of a string, to check that enum matching ignores case. */
const swapCase = (value: string): string => [...value].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

function pickAllowed(allowed: readonly unknown[], preferred: unknown): unknown {
  const usable = allowed.filter((v) => v !== 'auto');
  return usable.includes(preferred) ? preferred : (usable[0] ?? allowed[0]);
}

function durationSample(
  plan: DurationPlan,
  defaultValue: unknown,
): { readonly value: number; readonly unsupported?: EndpointSample['unsupportedDuration'] } {
  switch (plan.kind) {
    case 'enum': {
      const allowed = plan.allowed.map(seconds);
      const value = seconds((plan.allowed.includes(defaultValue as string | number) ? defaultValue : plan.allowed[0]) as string | number);
      const durationSeconds = Math.max(...allowed) + 1;
      return { value, unsupported: { durationSeconds, mentions: [`allowed: ${allowed.join(', ')}`] } };
    }
    case 'range':
    case 'decimal-range': {
      const preferred = typeof defaultValue === 'string' || typeof defaultValue === 'number' ? seconds(defaultValue) : Number.NaN;
      const value = Number.isFinite(preferred) ? preferred : (plan.min ?? 5);
      if (plan.max === undefined) return { value };
      return { value, unsupported: { durationSeconds: plan.max + 1, mentions: [`${plan.max}`] } };
    }
    case 'frames': {
      const fromDefault = typeof defaultValue === 'number' ? (defaultValue - 1) / plan.defaultFps : Number.NaN;
      const value = Number.isInteger(fromDefault) ? fromDefault : Math.ceil((plan.minFrames - 1) / plan.defaultFps);
      const maxSeconds = Math.floor((plan.maxFrames - 1) / plan.defaultFps);
      return { value, unsupported: { durationSeconds: maxSeconds + 1, mentions: [`to ${maxSeconds} seconds`] } };
    }
  }
}

/**
 * Builds representative standard requests for an endpoint: every standard field the mapping
 * uses, with values the schema allows (enum values in flipped case where matching ignores
 * case), the images its media fields need with the right roles, and `extraParams` for
 * required fields no standard field fills. Image endpoints with both preset and custom sizes
 * get one request per form.
 */
export function buildEndpointSample(analysis: EndpointAnalysis): EndpointSample {
  const { schema, inputFields, mapping } = analysis;
  const fieldDefault = (name: string): unknown => inputFields.find((f) => f.name === name)?.defaultValue;
  const request: Record<string, unknown> = { prompt: 'A calm lake at sunrise, mist over the water' };
  const imageList: { image: string; type: string }[] = [];
  const variants: Record<string, unknown>[] = [];
  let unsupportedDuration: EndpointSample['unsupportedDuration'];
  const addImages = (field: string, role: string, count: number): void => {
    for (let i = 0; i < count; i += 1) imageList.push({ image: `https://example.com/${field}-${i + 1}.png`, type: role });
  };
  for (const plan of mapping.mappers) {
    switch (plan.kind) {
      case 'passthrough':
        request[plan.source] =
          request[plan.source] ??
          PASSTHROUGH_SAMPLES[plan.source] ??
          sampleValue(inputFields.find((f) => f.name === plan.field)?.schema ?? {}, schema.components);
        break;
      case 'enum': {
        const value = pickAllowed(plan.allowed, fieldDefault(plan.field));
        request[plan.source] = typeof value === 'string' && plan.source !== 'aspectRatio' ? swapCase(value) : value;
        break;
      }
      case 'number-range':
        request[plan.source] = Math.min(plan.max ?? 2, Math.max(plan.min ?? 1, 2));
        break;
      case 'duration': {
        const sample = durationSample(plan.plan, fieldDefault(plan.field));
        request['durationSeconds'] = sample.value;
        unsupportedDuration = sample.unsupported;
        break;
      }
      case 'image-size':
        if (plan.fromAspectRatio) variants.push({ aspectRatio: plan.presets.includes('landscape_16_9') ? '16:9' : '1:1' });
        if (plan.customSize) variants.push({ size: '1280x720' });
        break;
      case 'image':
        addImages(plan.field, plan.roles[0] ?? 'reference', 1);
        break;
      case 'image-list':
        addImages(plan.field, plan.roles[0] ?? 'reference', Math.max(plan.min ?? 1, Math.min(plan.max ?? 2, 2)));
        break;
      case 'media':
        request[plan.source] = `https://example.com/input.${{ video: 'mp4', audio: 'mp3', image: 'png' }[plan.mediaKind]}`;
        break;
    }
  }
  if (imageList.length > 0) request['imageList'] = imageList;
  const mapped = new Set(mapping.mappers.map((m) => m.field));
  const extraParams = Object.fromEntries(
    inputFields.filter((f) => f.required && !mapped.has(f.name)).map((f) => [f.name, sampleValue(f.schema, schema.components)]),
  );
  if (Object.keys(extraParams).length > 0) request['extraParams'] = extraParams;
  const requests = variants.length > 0 ? variants.map((variant) => ({ ...request, ...variant })) : [request];
  const unused = mapping.mappers.some((m) => m.kind === 'passthrough' && m.source === 'prompt') ? [] : ['prompt'];
  return { requests, unused, ...(unsupportedDuration ? { unsupportedDuration } : {}) };
}
