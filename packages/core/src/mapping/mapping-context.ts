import { describeValue } from '../errors/describe-value';
import { ValidationError, type ValidationIssue } from '../errors/validation-error';
import type { ImageInput, ImageRole } from '../types/image-role';

/** The standard request fields a mapper may read (video and image requests alike). */
export interface StandardRequestFields {
  readonly prompt: string;
  readonly imageList?: readonly ImageInput[];
  readonly extraParams?: Readonly<Record<string, unknown>>;
}

/** An input image with its position in `imageList`. */
export interface IndexedImage extends ImageInput {
  readonly index: number;
}

/**
 * State of one mapping run: which standard fields and which images were consumed, and the
 * warnings so far. Every field and every image is consumed at most once, so nothing is sent
 * twice, and whatever is left over is reported.
 */
export class MappingContext<TRequest extends StandardRequestFields = StandardRequestFields> {
  readonly warnings: string[] = [];
  private readonly consumedFields = new Set<string>();
  private readonly consumedImages = new Set<number>();

  constructor(
    readonly request: TRequest,
    readonly provider: string,
    readonly model: string,
  ) {}

  /** Reads a field and marks it used. */
  use<K extends keyof TRequest & string>(field: K): TRequest[K] {
    this.consumedFields.add(field);
    return this.request[field];
  }

  /** Reads a field without marking it used. */
  peek<K extends keyof TRequest & string>(field: K): TRequest[K] {
    return this.request[field];
  }

  /** Whether a field was already used by a mapper. */
  isUsed(field: keyof TRequest & string): boolean {
    return this.consumedFields.has(field);
  }

  /**
   * Takes the not-yet-used images whose role is in `roles`, in `roles` priority order and then
   * list order, at most `max`. Each image can be taken once.
   */
  takeImages(roles: readonly ImageRole[], max = Number.POSITIVE_INFINITY): IndexedImage[] {
    const list = this.request.imageList ?? [];
    const taken: IndexedImage[] = [];
    for (const role of roles) {
      list.forEach((image, index) => {
        if (taken.length < max && image.type === role && !this.consumedImages.has(index)) {
          this.consumedImages.add(index);
          taken.push({ ...image, index });
        }
      });
    }
    if (list.length > 0) this.consumedFields.add('imageList');
    return taken;
  }

  /** Counts the not-yet-used images with one of `roles`. */
  countImages(roles: readonly ImageRole[]): number {
    return (this.request.imageList ?? []).filter((img, i) => roles.includes(img.type) && !this.consumedImages.has(i)).length;
  }

  /** Adds a warning. */
  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Throws a `ValidationError` for this provider and model. */
  invalid(...issues: ValidationIssue[]): never {
    throw new ValidationError({ provider: this.provider, model: this.model, issues });
  }

  /** Standard fields present in the request that no mapper used. */
  unusedFields(): string[] {
    return Object.entries(this.request)
      .filter(([key, value]) => value !== undefined && key !== 'imageList' && key !== 'extraParams' && !this.consumedFields.has(key))
      .map(([key]) => key);
  }

  /** Images no mapper took. */
  unusedImages(): IndexedImage[] {
    return (this.request.imageList ?? []).flatMap((image, index) => (this.consumedImages.has(index) ? [] : [{ ...image, index }]));
  }

  /** Human description of an unused field or image, for warnings and strict-mode errors. */
  describeUnused(): ValidationIssue[] {
    const fields = this.unusedFields().map((field) => ({
      field,
      value: (this.request as Record<string, unknown>)[field],
      message: `not supported by ${this.provider} ${this.model}`,
    }));
    const images = this.unusedImages().map((img) => ({
      field: `imageList[${img.index}]`,
      value: img.type,
      message: `no field of ${this.provider} ${this.model} takes an image with role "${img.type}"`,
    }));
    return [...fields, ...images];
  }
}

/** Warning text for an unused field or image. */
export function unusedWarning(issue: ValidationIssue): string {
  return `${issue.field} (${describeValue(issue.value)}) was not sent: ${issue.message}`;
}
