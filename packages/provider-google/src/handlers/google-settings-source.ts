import type { GoogleSettings } from '../config/google-provider-config';

/** Resolves the settings of a call from its `providerConfig` (merged over the plugin's defaults). */
export type SettingsSource = (providerConfig: Readonly<Record<string, unknown>>, target: { readonly provider: string; readonly model: string }) => GoogleSettings;
