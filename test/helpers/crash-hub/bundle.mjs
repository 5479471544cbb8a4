// Builds child.ts into one ES module under the repository's .tmp/ (packages
// stay external and resolve from its node_modules), for crash tests and
// bench/playbook-crash.mjs to start as processes of their own.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');

/** The path of the built child (built once per process). */
let built;
export function crashChild() {
  built ??= (async () => {
    const outfile = join(ROOT, '.tmp', `crash-child-${process.pid}.mjs`);
    await build({
      entryPoints: [join(HERE, 'child.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      banner: { js: "import{createRequire as __wfRequire}from'node:module';const require=__wfRequire(import.meta.url);" },
    });
    // One per process (test workers build side by side), gone when it ends.
    process.once('exit', () => rmSync(outfile, { force: true }));
    return outfile;
  })();
  return built;
}
