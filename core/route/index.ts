export * from './config';
export * from './hours';
export * from './lead';
export * from './roster';
export * from './router';
export * from './schema';
export { ValueError } from './values';
