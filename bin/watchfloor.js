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
let settled = false;
bundle.exports.runCli(argv).then((code) => {
  settled = true;
  process.exitCode = code;
  // A failed run (no hub yet, a typo) may not have compiled the command's usual path.
  if (code === 0) bundle.saveCache();
});
// The event loop ran dry with the command still waiting on something that can
// no longer happen: a bug, never a success. 13 is what Node itself exits with
// for an ES module's unsettled top-level await.
process.on('exit', (code) => {
  if (settled || code !== 0) return;
  process.stderr.write('watchfloor: stopped before the command finished (it waited on something that never came); this is a bug\n');
  process.exitCode = 13;
});
