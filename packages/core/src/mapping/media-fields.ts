import type { ImageRole } from '../types/image-role';
import type { MediaInput } from '../types/media-input';
import type { FieldMapper } from './field-mapper';
import type { StandardRequestFields } from './mapping-context';
import { PendingMedia } from './pending-media';

/** Options of {@link imageField}. */
export interface ImageFieldOptions {
  /** Roles this field accepts, in priority order. */
  readonly roles: readonly ImageRole[];
  /** Fail when no image with these roles was given. */
  readonly required?: boolean;
}

/** Maps one image with one of `roles` to a single-image field (`image_url`, `start_image_url`…). */
export function imageField<TRequest extends StandardRequestFields>(options: ImageFieldOptions): FieldMapper<TRequest> {
  return (context) => {
    const [image] = context.takeImages(options.roles, 1);
    if (!image) {
      if (options.required) {
        context.invalid({
          field: 'imageList',
          message: `${context.provider} ${context.model} requires an image with role ${options.roles.map((r) => `"${r}"`).join(' or ')}`,
          allowed: options.roles,
        });
      }
      return undefined;
    }
    return new PendingMedia(image.image, 'image', `imageList[${image.index}]`);
  };
}

/** Options of {@link imageListField}. */
export interface ImageListFieldOptions extends ImageFieldOptions {
  /** Most images the field takes; more is a `ValidationError`. */
  readonly max?: number;
  /** Fewest images the field needs when any (or `required`). */
  readonly min?: number;
}

/** Maps every image with one of `roles` to a list field (`image_urls`, `reference_image_urls`…). */
export function imageListField<TRequest extends StandardRequestFields>(options: ImageListFieldOptions): FieldMapper<TRequest> {
  return (context) => {
    const count = context.countImages(options.roles);
    const min = options.min ?? (options.required ? 1 : 0);
    if ((count > 0 || options.required) && (count < min || (options.max !== undefined && count > options.max))) {
      context.invalid({
        field: 'imageList',
        value: `${count} image(s) with role ${options.roles.join('/')}`,
        message: `${context.provider} ${context.model} takes ${min === (options.max ?? min) ? min : `${min} to ${options.max ?? 'any number of'}`} such image(s)`,
      });
    }
    const images = context.takeImages(options.roles, options.max);
    if (images.length === 0) return undefined;
    return images.map((img) => new PendingMedia(img.image, 'image', `imageList[${img.index}]`));
  };
}

/** Maps a media field of the standard request (`video`, `audio`, `maskImage`) to a provider field. */
export function mediaField<TRequest extends StandardRequestFields, K extends keyof TRequest & string>(
  field: K,
  kind: 'image' | 'video' | 'audio',
  options: { readonly required?: boolean } = {},
): FieldMapper<TRequest> {
  return (context) => {
    const value = context.use(field) as MediaInput | undefined;
    if (value === undefined) {
      if (options.required) context.invalid({ field, message: `${context.provider} ${context.model} requires an input ${kind}` });
      return undefined;
    }
    return new PendingMedia(value, kind, field);
  };
}
