// Preloaded into a CLI child (node --import) by tests that check what a command
// loads: every module Node loads — our bundles and every package they import,
// by ES import (statically or by import()) or by require() — is appended, one
// URL a line, to the file WF_RECORD_LOADS names. ES modules are seen by a
// loader hook (on the loader's own thread), CommonJS by wrapping Module._load.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.WF_RECORD_LOADS;
if (!log) throw new Error('record-loads.mjs: set WF_RECORD_LOADS to the file to append to');
const hooks = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const load = Module._load;
const seen = new Set();
Module._load = function recordedLoad(request, parent, isMain) {
  let id;
  try {
    id = Module.isBuiltin(request) ? (request.startsWith('node:') ? request : `node:${request}`) : pathToFileURL(Module._resolveFilename(request, parent, isMain)).href;
  } catch {
    id = undefined; // the real load reports what it cannot resolve
  }
  if (id !== undefined && !seen.has(id)) {
    seen.add(id);
    appendFileSync(log, `${id}\n`);
  }
  return load.apply(this, arguments);
};
