// Preloaded into a CLI child (node --import) by tests that check what a command
// loads: every module Node's ESM loader loads — our bundle's chunks and every
// package they import, statically or by import() — is appended, one URL a line,
// to the file WF_RECORD_LOADS names. The hook runs on the loader's own thread.
import { register } from 'node:module';

const log = process.env.WF_RECORD_LOADS;
if (!log) throw new Error('record-loads.mjs: set WF_RECORD_LOADS to the file to append to');
const hooks = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
