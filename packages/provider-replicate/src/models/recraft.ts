import { enumField, passthrough } from '@tarash/core';
import type { ReplicateImageModel } from './replicate-model';

/**
 * Recraft V3: prompt, size (ignored when aspect_ratio is set), aspect_ratio, style. Source:
 * replicate.com recraft-ai/recraft-v3 version API page (names, default size 1024x1024 — high)
 * and Recraft's API docs for the size and ratio lists (medium). `style` has dozens of values
 * (`any`, `realistic_image`, `digital_illustration/…`) and is passed through unchecked.
 */
export const recraftV3: ReplicateImageModel = {
  modality: 'image',
  ids: ['recraft-ai/recraft-v3'],
  source: 'replicate.com recraft-ai/recraft-v3 version API page; Recraft API docs (sizes)',
  confidence: 'medium',
  mappers: {
    prompt: passthrough('prompt'),
    size: enumField('size', [
      '1024x1024', '1365x1024', '1024x1365', '1536x1024', '1024x1536', '1820x1024', '1024x1820', '1024x2048', '2048x1024',
      '1434x1024', '1024x1434', '1024x1280', '1280x1024', '1024x1707', '1707x1024',
    ]),
    aspect_ratio: enumField('aspectRatio', ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '1:2', '2:1', '7:5', '5:7', '4:5', '5:4', '3:5', '5:3']),
    style: passthrough('style'),
  },
};
