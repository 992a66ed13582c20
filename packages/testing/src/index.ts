export * from './common/index';
export * from './fal/index';
