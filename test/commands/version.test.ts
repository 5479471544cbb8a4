import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fakeCli, type FakeCli } from './fake-deps.js';

let cli: FakeCli | undefined;
afterEach(() => cli?.cleanup());

it('--version prints the package version and exits 0', async () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  cli = fakeCli();
  const r = await cli.run('--version');
  expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
});
