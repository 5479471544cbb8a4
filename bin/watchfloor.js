#!/usr/bin/env node
// The executable: run the words, set the exit code. CommonJS (bin/package.json
// says so) like the read bundle it loads: `watchfloor status` starts without
// Node's ES module loader, which only the full bundle needs. The read bundle
// serves `status`, `incidents`, `sites` and `--version` in one file and hands
// anything else to the full bundle (src/read-main.ts).
'use strict';

// React (loaded only by watch and demo) runs its development build unless told
// otherwise: several times the work per frame. An explicit setting wins.
process.env.NODE_ENV ??= 'production';
require('../dist/read.cjs')
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
