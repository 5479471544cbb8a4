// The hub's import rules (scripts/check-imports.mjs): nothing from the front
// ends or the demo world, and no cycles inside src/hub and src/devices —
// counting `import type` and dynamic `import()`, which tsc lets through.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'check-imports.mjs');

function check(root?: string): { files: number; forbidden: string[]; cycles: string[][] } {
  const code = `import { checkImports } from ${JSON.stringify(SCRIPT)}; console.log(JSON.stringify(checkImports(process.argv[1])));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code, ...(root ? [root] : [])], { encoding: 'utf8' }));
}

describe('import rules of src/hub and src/devices', () => {
  it('hold in this tree', () => {
    const { files, forbidden, cycles } = check();
    expect(files).toBeGreaterThan(100);
    expect(forbidden).toEqual([]);
    expect(cycles).toEqual([]);
    // And the script says so with its exit code.
    expect(() => execFileSync(process.execPath, [SCRIPT], { stdio: 'pipe' })).not.toThrow();
  });

  it('catch a cycle made only of `import type` and `import()`, and an import of the demo world', () => {
    const root = mkdtempSync(join(tmpdir(), 'wf-imports-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      put('src/hub/a.ts', "import type { B } from './b.js';\nexport type A = B;\n");
      put('src/hub/b.ts', "// import('./never.js') in a comment does not count\nexport type B = string;\nexport const load = () => import('./a.js');\n");
      put('src/hub/c.ts', "export {\n  world,\n} from '../sim/world.js';\n");
      put('src/devices/d.ts', "import { a } from '../hub/a.js';\n");
      put('src/sim/world.ts', 'export const world = 1;\n');
      const { forbidden, cycles } = check(root);
      expect(cycles).toEqual([['src/hub/a.ts', 'src/hub/b.ts']]);
      expect(forbidden).toEqual(['src/hub/c.ts imports src/sim/world.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
