// Replaced with package.json's version by the build (esbuild `define`) and by vitest's config.
declare const __MLS_VERSION__: string | undefined;

export const VERSION: string = typeof __MLS_VERSION__ === 'string' ? __MLS_VERSION__ : '0.0.0-dev';
