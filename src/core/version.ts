// watchfloor's version (the CLI's and the hub's): package.json's, read once. Found by walking up from this
// module so it works from src/ (tests) and from the bundled dist/ alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function watchfloorVersion(): string {
  if (cached !== undefined) return cached;
  cached = '0.0.0';
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'watchfloor' && pkg.version) {
        cached = pkg.version;
        break;
      }
    } catch {
      // not here; keep walking up
    }
    dir = dirname(dir);
  }
  return cached;
}
