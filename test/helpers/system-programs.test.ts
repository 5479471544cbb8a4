// The decision a test file that needs a system program lives by — run, skip,
// or (under WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS=1) fail — and the one line that
// reports the skips, with programs looked up through an injected lookup
// rather than by uninstalling anything.
import type { TestModule } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { skippedFiles, skipSummary } from './system-program-skips.js';
import { MissingSystemProgramError, decidePrerequisite, decideSystemProgram, systemProgramPath } from './system-programs.js';

const only = (...present: string[]) => (path: string) => present.includes(path);
const NOTHING = only();

describe('decideSystemProgram', () => {
  it('runs with the path it found', () => {
    expect(decideSystemProgram('tmux', { exists: only('/usr/bin/tmux'), env: {} })).toEqual({ action: 'run', path: '/usr/bin/tmux' });
    // Present, the require variable changes nothing.
    expect(decideSystemProgram('sshd', { exists: only('/usr/sbin/sshd'), env: { WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS: '1' } })).toEqual({
      action: 'run',
      path: '/usr/sbin/sshd',
    });
  });

  it('skips a missing program, naming its Debian package', () => {
    expect(decideSystemProgram('zsh', { exists: NOTHING, env: {} })).toEqual({ action: 'skip', skip: { program: 'zsh', debianPackage: 'zsh' } });
    expect(decideSystemProgram('zsh', { exists: only('/bin/zsh'), env: {} })).toEqual({ action: 'run', path: '/bin/zsh' });
    expect(decideSystemProgram('sshd', { exists: NOTHING, env: {} })).toEqual({ action: 'skip', skip: { program: 'sshd', debianPackage: 'openssh-server' } });
    expect(decideSystemProgram('tmux', { exists: NOTHING, env: { WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS: '0' } })).toMatchObject({ action: 'skip' });
  });

  it('fails on a missing program when WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS=1, saying what to install', () => {
    const decision = decideSystemProgram('sshd', { exists: NOTHING, env: { WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS: '1' } });
    expect(decision.action).toBe('fail');
    const { error } = decision as { error: MissingSystemProgramError };
    expect(error).toBeInstanceOf(MissingSystemProgramError);
    expect(error.message).toBe(
      'sshd is missing (looked for /usr/sbin/sshd): install the Debian package openssh-server (apt-get install openssh-server); ' +
        'WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS=1, so the tests that need it fail instead of being skipped',
    );
  });
});

describe('decidePrerequisite', () => {
  const cache = { what: "npm's cache lacks 2 tarballs (a@1.0.0, b@2.0.0)", remedy: 'run npm ci' };

  it('runs when nothing is missing, skips with the remedy, and fails under the require variable', () => {
    expect(decidePrerequisite(undefined, {})).toEqual({ action: 'run' });
    expect(decidePrerequisite(cache, {})).toEqual({ action: 'skip', skip: { program: cache.what, remedy: 'run npm ci' } });
    const failed = decidePrerequisite(cache, { WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS: '1' });
    expect(failed.action).toBe('fail');
    expect((failed as { error: Error }).error.message).toBe(
      "npm's cache lacks 2 tarballs (a@1.0.0, b@2.0.0): run npm ci; WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS=1, so the tests that need it fail instead of being skipped",
    );
  });
});

describe('systemProgramPath', () => {
  it('gives the binary to start, or throws with the install hint', () => {
    expect(systemProgramPath('tmux', only('/usr/bin/tmux'))).toBe('/usr/bin/tmux');
    expect(() => systemProgramPath('tmux', NOTHING)).toThrow('tmux is missing (looked for /usr/bin/tmux): install the Debian package tmux (apt-get install tmux)');
  });
});

describe('skipSummary', () => {
  const sshd = { program: 'sshd', debianPackage: 'openssh-server' };
  const tmux = { program: 'tmux', debianPackage: 'tmux' };

  it('says nothing when nothing was skipped', () => {
    expect(skipSummary([])).toBeUndefined();
  });

  it('names every program, its package and its files in one line', () => {
    const line = skipSummary([
      { file: 'test/integration/watch-tmux.test.ts', skip: tmux },
      { file: 'test/diagnostics/transports/ssh.test.ts', skip: sshd },
      { file: 'test/diagnostics/ssh-device.test.ts', skip: sshd },
    ]);
    expect(line).toBe(
      'skipped for missing system programs: ' +
        'sshd (Debian package openssh-server) in 2 files: test/diagnostics/ssh-device.test.ts, test/diagnostics/transports/ssh.test.ts; ' +
        'tmux (Debian package tmux) in 1 file: test/integration/watch-tmux.test.ts',
    );
    expect(line).not.toContain('\n');
  });

  it('gives a prerequisite that is not a program its own remedy', () => {
    expect(skipSummary([{ file: 'test/integration/package.test.ts', skip: { program: "npm's cache lacks 1 tarball (a@1.0.0)", remedy: 'run npm ci' } }])).toBe(
      "skipped for missing system programs: npm's cache lacks 1 tarball (a@1.0.0) (run npm ci) in 1 file: test/integration/package.test.ts",
    );
  });
});

describe('skippedFiles', () => {
  /** A stand-in for vitest's TestModule: only what the reporter reads. */
  const testModule = (file: string, metas: object[]) =>
    ({
      relativeModuleId: file,
      children: { *allTests() { for (const meta of metas) yield { meta: () => meta }; } },
    }) as unknown as TestModule;

  it('counts a file once per missing program, and ignores tests skipped for other reasons', () => {
    const skip = { program: 'sshd', debianPackage: 'openssh-server' };
    const found = skippedFiles([
      testModule('test/a.test.ts', [{ missingSystemProgram: skip }, { missingSystemProgram: skip }]),
      testModule('test/b.test.ts', [{}]),
    ]);
    expect(found).toEqual([{ file: 'test/a.test.ts', skip }]);
  });
});
