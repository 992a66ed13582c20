/** A video size as `"WxH"` for each orientation. */
export interface OrientedSizes {
  readonly landscape: string;
  readonly portrait: string;
}

/**
 * What one Sora model accepts (spec enums, `wire.md` §3.2).
 * @deprecated Sora 2 and the Videos API shut down on 2026-09-24.
 */
export interface SoraModelRules {
  /** `seconds` values, as the API writes them (strings). */
  readonly seconds: readonly string[];
  /** Resolution label → sizes. */
  readonly resolutions: Readonly<Record<string, OrientedSizes>>;
}

const SORA_2: SoraModelRules = {
  seconds: ['4', '8', '12'],
  resolutions: { '720p': { landscape: '1280x720', portrait: '720x1280' } },
};

const SORA_2_PRO: SoraModelRules = {
  seconds: SORA_2.seconds,
  resolutions: { ...SORA_2.resolutions, '1024p': { landscape: '1792x1024', portrait: '1024x1792' } },
};

/**
 * The Sora 2 models this package knows by exact id (the spec's enum).
 * @deprecated Sora 2 and the Videos API shut down on 2026-09-24.
 */
export const SORA_MODELS: Readonly<Record<string, SoraModelRules>> = {
  'sora-2': SORA_2,
  'sora-2-pro': SORA_2_PRO,
  'sora-2-2025-10-06': SORA_2,
  'sora-2-pro-2025-10-06': SORA_2_PRO,
  'sora-2-2025-12-08': SORA_2,
};

/** Dated snapshots follow their family: `sora-2-YYYY-MM-DD` or `sora-2-pro-YYYY-MM-DD`. */
const DATED_SNAPSHOT = /^sora-2(-pro)?-\d{4}-\d{2}-\d{2}$/;

/** The rules of a Sora model, and a warning when they come from its family; undefined otherwise. */
export function resolveSoraModel(model: string): { readonly rules: SoraModelRules; readonly warning?: string } | undefined {
  const known = SORA_MODELS[model];
  if (known) return { rules: known };
  const dated = DATED_SNAPSHOT.exec(model);
  if (!dated) return undefined;
  return { rules: dated[1] ? SORA_2_PRO : SORA_2, warning: `${model} is not a known Sora snapshot; it was validated with the ${dated[1] ? 'sora-2-pro' : 'sora-2'} rules` };
}
