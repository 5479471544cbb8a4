// Where watchfloor's own files are: the directory of its package.json, found by
// walking up from this module, so it works from src/ (tests) and from the
// bundled dist/ alike. The version and the built-in playbooks are read from it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageRoot {
  dir: string;
  version: string;
}

let cached: PackageRoot | null | undefined;

/** The package's directory and version; undefined when no watchfloor package.json is above this module. */
export function packageRoot(): PackageRoot | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'watchfloor' && pkg.version) {
        cached = { dir, version: pkg.version };
        break;
      }
    } catch {
      // not here; keep walking up
    }
    dir = dirname(dir);
  }
  return cached ?? undefined;
}
