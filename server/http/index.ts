export { createApp, defaultMaxBodyBytes, type AppOptions, type AppType } from './app.ts';
export { contentSecurityPolicy } from './guard.ts';
export type * from './api-types.ts';
