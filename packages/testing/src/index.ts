export * from './helpers/index';
export * from './common/index';
export * from './fal/index';
export * from './replicate/index';
export * from './google/index';
export * from './openai/index';
export * from './stability/index';
