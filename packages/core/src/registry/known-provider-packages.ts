/** Provider names with a package of this project, for the "not registered" error. */
export const KNOWN_PROVIDER_PACKAGES: Readonly<Record<string, { readonly packageName: string; readonly factory: string }>> = {
  fal: { packageName: '@tarash/provider-fal', factory: 'falProvider' },
  openai: { packageName: '@tarash/provider-openai', factory: 'openaiProvider' },
  azure: { packageName: '@tarash/provider-openai', factory: 'azureOpenaiProvider' },
  replicate: { packageName: '@tarash/provider-replicate', factory: 'replicateProvider' },
  google: { packageName: '@tarash/provider-google', factory: 'googleProvider' },
  stability: { packageName: '@tarash/provider-stability', factory: 'stabilityProvider' },
};
