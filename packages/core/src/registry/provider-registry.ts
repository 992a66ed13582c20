import { ValidationError } from '../errors/validation-error';
import type { FieldMappers } from '../mapping/field-mapper';
import type { CustomProviderHandler } from '../provider/custom-provider-handler';
import type { ProviderPlugin } from '../provider/provider-plugin';
import { customHandlerPlugin } from './custom-handler-plugin';
import { KNOWN_PROVIDER_PACKAGES } from './known-provider-packages';

/** Provider plugins and per-model field-mapping overrides. */
export class ProviderRegistry {
  private readonly plugins = new Map<string, ProviderPlugin>();
  private readonly fieldMappings = new Map<string, FieldMappers>();

  /** Registers a plugin, or a simple custom handler under `name`. A later registration replaces an earlier one. */
  register(plugin: ProviderPlugin): void;
  register(name: string, handler: CustomProviderHandler): void;
  register(pluginOrName: ProviderPlugin | string, handler?: CustomProviderHandler): void {
    const plugin = typeof pluginOrName === 'string' ? customHandlerPlugin(pluginOrName, requireHandler(pluginOrName, handler)) : pluginOrName;
    if (!plugin || typeof plugin.name !== 'string' || plugin.name === '') {
      throw new TypeError('registerProvider: a plugin needs a non-empty "name"');
    }
    if (!plugin.video && !plugin.image) {
      throw new TypeError(`registerProvider: provider "${plugin.name}" supports neither video nor image generation`);
    }
    this.plugins.set(plugin.name, plugin);
  }

  /** The plugin for `name`, or a `ValidationError` that says which package to install and how to register it. */
  get(name: string, model: string): ProviderPlugin {
    const plugin = this.plugins.get(name);
    if (plugin) return plugin;
    const known = KNOWN_PROVIDER_PACKAGES[name];
    const registered = [...this.plugins.keys()];
    const how = known
      ? `install ${known.packageName} and call registerProvider(${known.factory}()) (import { ${known.factory} } from '${known.packageName}')`
      : `register it with registerProvider(plugin) or registerProvider('${name}', { generateVideo, generateImage })`;
    throw new ValidationError({
      provider: name,
      model,
      context: 'Unknown provider',
      issues: [
        {
          field: 'config.provider',
          value: name,
          message: `no provider "${name}" is registered; ${how}`,
          allowed: registered,
        },
      ],
    });
  }

  /** Whether a provider is registered. */
  has(name: string): boolean {
    return this.plugins.has(name);
  }

  /** Registered provider names. */
  names(): string[] {
    return [...this.plugins.keys()];
  }

  /** Adds or replaces the field mapping of one model of a provider. */
  registerFieldMapping(provider: string, model: string, mappers: FieldMappers): void {
    this.fieldMappings.set(`${provider}\u0000${model}`, mappers);
  }

  /** The registered field mapping override for a model, if any. */
  getFieldMapping(provider: string, model: string): FieldMappers | undefined {
    return this.fieldMappings.get(`${provider}\u0000${model}`);
  }
}

function requireHandler(name: string, handler: CustomProviderHandler | undefined): CustomProviderHandler {
  if (!handler || (typeof handler.generateVideo !== 'function' && typeof handler.generateImage !== 'function')) {
    throw new TypeError(`registerProvider("${name}", handler): the handler needs generateVideo and/or generateImage`);
  }
  return handler;
}
