/**
 * Typed `extraParams` per fal endpoint id, for `model` autocompletion. Generated entries are
 * added by `pnpm codegen`; users may augment it for their own endpoints.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface FalEndpointParams {}
