// Golden files for renderers: the expected output as pretty JSON beside the
// tests. They change only on purpose: UPDATE_GOLDEN=1 rewrites them, and a
// missing file fails instead of being written silently.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${file}: run the test with UPDATE_GOLDEN=1 to write it, then review it`);
  expect(JSON.parse(text), `differs from ${file} (UPDATE_GOLDEN=1 rewrites it)`).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
