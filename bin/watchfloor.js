#!/usr/bin/env node
// The executable: run the words, set the exit code. CommonJS (bin/package.json
// says so) like the read bundle it loads: `watchfloor status` starts without
// Node's ES module loader, which only the full bundle needs. The read bundle
// serves `status`, `incidents`, `sites` and `--version` in one file and hands
// anything else to the full bundle (src/read-main.ts); it is loaded through
// V8's code cache (src/code-cache.ts).
'use strict';
const { join } = require('node:path');
const { cacheUseFor, loadWithCodeCache } = require('../dist/code-cache.cjs');

// React (loaded only by watch and demo) runs its development build unless told
// otherwise: several times the work per frame. An explicit setting wins.
process.env.NODE_ENV ??= 'production';
const argv = process.argv.slice(2);
const bundle = loadWithCodeCache(join(__dirname, '..', 'dist', 'read.cjs'), cacheUseFor(argv));
bundle.exports.runCli(argv).then((code) => {
  process.exitCode = code;
  // A failed run (no hub yet, a typo) may not have compiled the command's usual path.
  if (code === 0) bundle.saveCache();
});
