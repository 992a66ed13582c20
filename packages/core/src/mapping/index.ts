export type { FieldMapper, FieldMappers } from './field-mapper';
export { MappingContext, unusedWarning, type IndexedImage, type StandardRequestFields } from './mapping-context';
export { constant, enumField, passthrough } from './basic-mappers';
export { caseInsensitiveEnumField, numberRangeField, type NumberRangeFieldOptions } from './range-and-case-mappers';
export {
  durationField,
  formatDuration,
  inferDurationFormat,
  parseDurationValue,
  type DurationFieldOptions,
  type DurationFormat,
} from './duration-field';
export { imageField, imageListField, mediaField, type ImageFieldOptions, type ImageListFieldOptions } from './media-fields';
export { mapRequest, mergeExtraParams, type MapRequestOptions, type MappedRequest } from './map-request';
export {
  dataUriByteLength,
  mediaInputByteLength,
  parseDataUri,
  readMediaInput,
  sniffMediaType,
  toDataUri,
  type ResolvedMedia,
} from './media';
export { readImageDimensions, type ImageDimensions } from './image-dimensions';
export { PendingMedia, collectPendingMedia, resolvePendingMedia, type MediaKind } from './pending-media';
