import { ValidationError, type CallContext, type PrepareContext } from '@tarash/core';

/** Where requests go and how they authenticate: api.openai.com or an Azure OpenAI resource. */
export interface ApiTarget {
  /** Absolute URL of an API path such as `/images/generations` or `/videos/video_123/content`. */
  url(path: string): string;
  /** Authentication and account headers (never logged: the key is redacted by core). */
  headers(): Record<string, string>;
}

/** How a plugin flavour (OpenAI or Azure OpenAI) reaches the API. */
export interface ApiFlavor {
  /** The provider name configs use (`openai` or `azure`). */
  readonly name: string;
  readonly apiKeyEnvVars: readonly string[];
  /** The transport target for one call. */
  target(context: CallContext): ApiTarget;
  /** The `model` value to send, or undefined when the URL names the deployment. Pure. */
  wireModel(context: PrepareContext): string | undefined;
}

/** OpenAI's public API base. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** A string setting of `providerConfig`, checked. */
export function stringSetting(
  providerConfig: Readonly<Record<string, unknown>>,
  key: string,
  target: { readonly provider: string; readonly model: string },
): string | undefined {
  const value = providerConfig[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError({ ...target, issues: [{ field: `config.providerConfig.${key}`, value, message: 'must be a non-empty string' }] });
  }
  return value;
}

/**
 * api.openai.com (or `config.baseUrl`): `Authorization: Bearer`, plus `OpenAI-Organization` and
 * `OpenAI-Project` from `providerConfig.organization` / `providerConfig.project`.
 */
export const openaiFlavor: ApiFlavor = {
  name: 'openai',
  apiKeyEnvVars: ['OPENAI_API_KEY'],
  target(context) {
    const base = trimSlash(context.baseUrl ?? OPENAI_BASE_URL);
    const organization = stringSetting(context.providerConfig, 'organization', context);
    const project = stringSetting(context.providerConfig, 'project', context);
    return {
      url: (path) => `${base}${path}`,
      headers: () => ({
        ...(context.apiKey !== undefined ? { Authorization: `Bearer ${context.apiKey}` } : {}),
        ...(organization !== undefined ? { 'OpenAI-Organization': organization } : {}),
        ...(project !== undefined ? { 'OpenAI-Project': project } : {}),
      }),
    };
  },
  wireModel: (context) => context.model,
};

/** The Azure API version used for `/openai/deployments/…` routes when none is configured. */
export const DEFAULT_AZURE_API_VERSION = '2025-04-01-preview';

/** Which Azure OpenAI API a config uses for images: dated deployment routes or the v1 API. */
export type AzureApiStyle = 'deployments' | 'v1';

function azureStyle(context: PrepareContext | CallContext): AzureApiStyle {
  const style = context.providerConfig.apiStyle ?? 'deployments';
  if (style !== 'deployments' && style !== 'v1') {
    throw new ValidationError({
      provider: context.provider,
      model: context.model,
      issues: [{ field: 'config.providerConfig.apiStyle', value: style, message: 'is not an Azure OpenAI API style', allowed: ['deployments', 'v1'] }],
    });
  }
  // Sora 2 on Azure exists only on the v1 API.
  return context.modality === 'video' ? 'v1' : style;
}

function deploymentOf(context: PrepareContext | CallContext): string {
  return stringSetting(context.providerConfig, 'deployment', context) ?? context.model;
}

/**
 * Azure OpenAI: `api-key` header; images on `{endpoint}/openai/deployments/{deployment}/images/…?api-version=`
 * (or the v1 API with `providerConfig.apiStyle: 'v1'`), videos on the v1 API
 * `{endpoint}/openai/v1/videos…` with the deployment as `model`.
 */
export const azureFlavor: ApiFlavor = {
  name: 'azure',
  apiKeyEnvVars: ['AZURE_OPENAI_API_KEY'],
  target(context) {
    const endpoint = context.baseUrl ?? stringSetting(context.providerConfig, 'endpoint', context);
    if (endpoint === undefined) {
      throw new ValidationError({
        provider: context.provider,
        model: context.model,
        issues: [{ field: 'config.providerConfig.endpoint', message: 'Azure OpenAI needs the resource endpoint, e.g. "https://my-resource.openai.azure.com" (or config.baseUrl)' }],
      });
    }
    const root = `${trimSlash(endpoint)}/openai`;
    const configuredVersion = stringSetting(context.providerConfig, 'apiVersion', context);
    const deployments = azureStyle(context) === 'deployments';
    const prefix = deployments ? `${root}/deployments/${encodeURIComponent(deploymentOf(context))}` : `${root}/v1`;
    const version = deployments ? (configuredVersion ?? DEFAULT_AZURE_API_VERSION) : configuredVersion;
    return {
      url: (path) => `${prefix}${path}${version === undefined ? '' : `${path.includes('?') ? '&' : '?'}api-version=${encodeURIComponent(version)}`}`,
      headers: (): Record<string, string> => (context.apiKey !== undefined ? { 'api-key': context.apiKey } : {}),
    };
  },
  wireModel: (context) => (azureStyle(context) === 'deployments' ? undefined : deploymentOf(context)),
};
