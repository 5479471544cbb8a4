// The hub's own forecast modules, bundled from src/ for the studies that replay
// a kept week offline (bench/early-warning-misses.mjs, bench/early-warning-growth-study.mjs),
// with `--set NAME=VALUE` on the command line setting a constant of the bundled
// code otherwise — to compare variants on the same store without a rebuild.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

/** Imports `exportLines` (each `export { … } from './src/…'`) bundled, with the command line's --set applied. */
export async function importForecastModules(exportLines, name) {
  const bundled = await build({ stdin: { contents: exportLines.join('\n'), resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false });
  let code = bundled.outputFiles[0].text;
  for (let i = process.argv.indexOf('--set'); i > 0; i = process.argv.indexOf('--set', i + 1)) {
    const [constant, value] = process.argv[i + 1].split('=');
    const re = new RegExp(`\\b(var|const|let) ${constant} = [^;]+;`);
    if (!re.test(code)) throw new Error(`--set: no constant ${constant} in the bundle`);
    code = code.replace(re, `$1 ${constant} = ${value};`);
  }
  // Externals resolve from the checkout's node_modules: the bundle is imported from beside them.
  const beside = join(ROOT, 'bench', `.${name}-${process.pid}.mjs`);
  writeFileSync(beside, code);
  try {
    return await import(pathToFileURL(beside).href);
  } finally {
    rmSync(beside);
  }
}
