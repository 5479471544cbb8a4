// Some tests drive real system programs: an OpenSSH server for the SSH
// transport, tmux for the terminal UI end to end, zsh for its completion,
// Alertmanager in front of the alert intake. On a fresh machine without
// one, `npm ci && npm test` still passes: the files that need it are skipped,
// and the run says so in one line at its end (system-program-skips.ts). CI
// installs them and sets WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS=1, where a missing
// program fails the run instead: there a skip would hide tests that never ran.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe } from 'vitest';
import type { SystemProgramSkip } from './system-program-skips.js';

interface SystemProgram {
  /** Where the binary may be; the first that exists is used. */
  paths: readonly string[];
  /** The Debian package that installs it. */
  debianPackage: string;
}

/** Every system program a test may need, one line each. */
export const SYSTEM_PROGRAMS = {
  sshd: { paths: ['/usr/sbin/sshd'], debianPackage: 'openssh-server' },
  tmux: { paths: ['/usr/bin/tmux'], debianPackage: 'tmux' },
  // Makes the certificate the TLS tests serve the hub with.
  openssl: { paths: ['/usr/bin/openssl'], debianPackage: 'openssl' },
  zsh: { paths: ['/usr/bin/zsh', '/bin/zsh'], debianPackage: 'zsh' },
  // The global install of the packed tarball builds better-sqlite3 with node-gyp: a compiler, make, Python,
  make: { paths: ['/usr/bin/make'], debianPackage: 'make' },
  'g++': { paths: ['/usr/bin/g++'], debianPackage: 'g++' },
  python3: { paths: ['/usr/bin/python3'], debianPackage: 'python3' },
  // and the running node's C headers, so node-gyp need not download them. NodeSource's nodejs package ships them
  // beside the binary; Debian's own nodejs leaves them to libnode-dev.
  'node-headers': { paths: [join(dirname(dirname(process.execPath)), 'include', 'node', 'node.h')], debianPackage: 'libnode-dev' },
  // Routes grouped alerts to the hub in the intake's end-to-end test, as a deployment's would.
  alertmanager: { paths: ['/usr/bin/prometheus-alertmanager'], debianPackage: 'prometheus-alertmanager' },
} as const satisfies Record<string, SystemProgram>;

export type SystemProgramName = keyof typeof SYSTEM_PROGRAMS;

export const REQUIRE_SYSTEM_PROGRAMS = 'WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS';

/** How to look for programs: injected by the helper's own tests. */
export interface ProgramLookup {
  exists?: (path: string) => boolean;
  env?: Readonly<Record<string, string | undefined>>;
}

export class MissingSystemProgramError extends Error {
  override readonly name = 'MissingSystemProgramError';
  constructor(
    readonly program: SystemProgramName,
    readonly required: boolean,
  ) {
    const { paths, debianPackage } = SYSTEM_PROGRAMS[program];
    super(
      `${program} is missing (looked for ${paths.join(', ')}): install the Debian package ${debianPackage} (apt-get install ${debianPackage})` +
        (required ? `; ${REQUIRE_SYSTEM_PROGRAMS}=1, so the tests that need it fail instead of being skipped` : ''),
    );
  }
}

/** What a test file that needs `program` does: run with its path, skip, or fail. */
export type ProgramDecision =
  | { action: 'run'; path: string }
  | { action: 'skip'; skip: SystemProgramSkip }
  | { action: 'fail'; error: MissingSystemProgramError };

/** The same decision for a prerequisite that is not a program (npm's cache holding the tarballs an install needs). */
export type PrerequisiteDecision = { action: 'run' } | { action: 'skip'; skip: SystemProgramSkip } | { action: 'fail'; error: Error };

const locate = (program: SystemProgramName, exists: (path: string) => boolean) => SYSTEM_PROGRAMS[program].paths.find((p) => exists(p));

export function decideSystemProgram(program: SystemProgramName, { exists = existsSync, env = process.env }: ProgramLookup = {}): ProgramDecision {
  const path = locate(program, exists);
  if (path) return { action: 'run', path };
  if (env[REQUIRE_SYSTEM_PROGRAMS] === '1') return { action: 'fail', error: new MissingSystemProgramError(program, true) };
  return { action: 'skip', skip: { program, debianPackage: SYSTEM_PROGRAMS[program].debianPackage } };
}

/** The program's binary, for the helpers that start it; throws when it is missing. */
export function systemProgramPath(program: SystemProgramName, exists: (path: string) => boolean = existsSync): string {
  const path = locate(program, exists);
  if (!path) throw new MissingSystemProgramError(program, false);
  return path;
}

/**
 * For a prerequisite that is not a program: `missing` names it and says how to
 * get it (undefined: it is there). Skipped, or failed when programs are required,
 * as a missing program is, so the run's last line names it too.
 */
export function decidePrerequisite(missing: { what: string; remedy: string } | undefined, env: ProgramLookup['env'] = process.env): PrerequisiteDecision {
  if (!missing) return { action: 'run' };
  if (env[REQUIRE_SYSTEM_PROGRAMS] === '1') {
    return { action: 'fail', error: new Error(`${missing.what}: ${missing.remedy}; ${REQUIRE_SYSTEM_PROGRAMS}=1, so the tests that need it fail instead of being skipped`) };
  }
  return { action: 'skip', skip: { program: missing.what, remedy: missing.remedy } };
}

/** `describe` run, skipped or failed by the first decision that is not "run" (the others show once it is settled). */
export function describeAfter(decisions: ReadonlyArray<PrerequisiteDecision>, title: string, factory: () => void): void {
  const decision = decisions.find((d) => d.action !== 'run');
  if (decision?.action === 'fail') throw decision.error;
  if (decision?.action === 'skip') describe(title, { skip: true, meta: { missingSystemProgram: decision.skip } }, factory);
  else describe(title, factory);
}

/**
 * `describe` for tests that need `program`: put every hook and test of the
 * file inside, so that when the program is missing none of them runs. Missing
 * and required, the file fails as it is collected, with the install hint.
 */
export function describeWith(program: SystemProgramName, title: string, factory: () => void): void {
  describeAfter([decideSystemProgram(program)], title, factory);
}
