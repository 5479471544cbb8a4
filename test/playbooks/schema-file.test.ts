// The published format: docs/playbook.schema.json is what the zod definition
// generates now (`npm run playbook-schema` rewrites it), every built-in file
// points its editor at it, and the built-ins ship with the package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { playbookJsonSchema } from '../../src/core/model/playbook-json-schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT_INS = join(ROOT, 'playbooks');

describe('docs/playbook.schema.json', () => {
  it('is current with the zod definition (run `npm run playbook-schema` if not)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'playbook.schema.json'), 'utf8')).toBe(`${JSON.stringify(playbookJsonSchema(), null, 2)}\n`);
  });

  it('says what zod refinements cannot: durations have a pattern, and the step types are named', () => {
    const schema = playbookJsonSchema() as { $defs: Record<string, { pattern?: string; oneOf?: unknown[] }> };
    expect(new RegExp(schema.$defs.Duration!.pattern!).test('30s')).toBe(true);
    expect(new RegExp(schema.$defs.Duration!.pattern!).test('30x')).toBe(false);
    expect(schema.$defs.Step!.oneOf).toHaveLength(10);
  });
});

describe('the built-in playbook files', () => {
  const files = readdirSync(BUILT_INS).filter((f) => f.endsWith('.yaml'));

  it('each starts by pointing its editor at the schema', () => {
    expect(files.length).toBe(7);
    for (const f of files) expect(readFileSync(join(BUILT_INS, f), 'utf8').split('\n')[0], f).toBe('# yaml-language-server: $schema=../docs/playbook.schema.json');
  });

  it('each is named after its id', () => {
    for (const f of files) expect((parse(readFileSync(join(BUILT_INS, f), 'utf8')) as { id: string }).id, f).toBe(f.replace(/\.yaml$/, ''));
  });

  it('ship with the package: no "files" list leaves them out', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files?: string[] };
    // Without a "files" list npm packs everything git keeps; with one, it must name them.
    if (pkg.files) expect(pkg.files.map((f) => f.replace(/\/$/, ''))).toEqual(expect.arrayContaining(['playbooks', 'docs/playbook.schema.json']));
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).not.toMatch(/^\/?(playbooks|docs)\/?$/m);
  });
});
