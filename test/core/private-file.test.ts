// createPrivateFile and exposureWarning at their edges: SQLite's names that
// are not files, a file that exists, a directory others may write, a path
// that cannot be read. The hub's and the bot's files are in test/hub/file-modes.test.ts.
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrivateFile, exposureWarning } from '../../src/core/private-file.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-private-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('createPrivateFile', () => {
  it('creates a missing file empty and 0600, whatever the umask allows', () => {
    const file = join(dir, 'x.sqlite');
    createPrivateFile(file);
    expect(mode(file)).toBe('600');
    expect(statSync(file).size).toBe(0);
  });

  it('leaves an existing file, its content and mode, alone', () => {
    const file = join(dir, 'x.sqlite');
    writeFileSync(file, 'kept');
    chmodSync(file, 0o640);
    createPrivateFile(file);
    expect(mode(file)).toBe('640');
    expect(statSync(file).size).toBe(4);
  });

  it("creates nothing for SQLite's in-memory, temporary and URI names", () => {
    for (const name of [':memory:', '', 'file:x.sqlite?mode=memory']) createPrivateFile(name);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails as the open would for a directory that does not exist', () => {
    expect(() => createPrivateFile(join(dir, 'missing', 'x.sqlite'))).toThrow(/ENOENT/);
  });
});

describe('exposureWarning', () => {
  it('says nothing for a private file in a directory only its owner writes', () => {
    const file = join(dir, 'x.sqlite');
    createPrivateFile(file);
    chmodSync(dir, 0o755);
    expect(exposureWarning(file, 'the data file')).toBeUndefined();
  });

  it('names who can reach the file and its directory, with both fixes, in one line', () => {
    const file = join(dir, 'x.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o604);
    chmodSync(dir, 0o775);
    const line = exposureWarning(file, 'the data file')!;
    expect(line).toBe(`warning: the data file ${file} is open to others; its directory ${dir} is writable by group — fix: chmod 600 ${file}; chmod go-w ${dir}`);
    expect(line).not.toContain('\n');
  });

  it('says nothing rather than fail when the modes cannot be read, or for a name that is not a file', () => {
    expect(exposureWarning(join(dir, 'gone.sqlite'), 'the data file')).toBeUndefined();
    expect(exposureWarning(':memory:', 'the data file')).toBeUndefined();
  });
});
