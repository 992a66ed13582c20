/**
 * Typed model ids and `extraParams`, filled by provider packages through module augmentation:
 *
 * ```ts
 * declare module '@tarash/core' {
 *   interface ProviderModelRegistry {
 *     fal: FalEndpointParams; // { 'fal-ai/veo3.1': { aspect_ratio?: '16:9' | '9:16'; … }; … }
 *   }
 * }
 * ```
 *
 * With it, `model` autocompletes per provider and `extraParams` is typed for known models;
 * any other model id is still accepted, with untyped `extraParams`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ProviderModelRegistry {}

/** Untyped provider parameters. */
export type UntypedExtraParams = Readonly<Record<string, unknown>>;

/** Known model ids of a provider (empty for providers without typed models). */
export type KnownModelId<P extends string> = P extends keyof ProviderModelRegistry ? keyof ProviderModelRegistry[P] & string : never;

/** A model id: a known one (autocompleted) or any string. */
export type ModelId<P extends string> = KnownModelId<P> | (string & {});

/** The `extraParams` type of a provider's model. */
export type ExtraParamsFor<P extends string, M extends string> = P extends keyof ProviderModelRegistry
  ? M extends keyof ProviderModelRegistry[P]
    ? ProviderModelRegistry[P][M]
    : UntypedExtraParams
  : UntypedExtraParams;
