// Injected into the read bundle (CommonJS, scripts/build.mjs): what
// `import.meta.url` means in the sources, for a file loaded by require().
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
