// A test file skipped because a system program is missing must not pass
// unnoticed: after the run's summary, one line names every such program, how
// to install it, and the files it kept from running. describeWith
// (system-programs.ts) marks the skipped tests with task meta, which vitest
// carries from its forked workers to this reporter in the main process.
// Loaded by vitest.config.ts, so it imports nothing of vitest's test runtime.
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export interface SystemProgramSkip {
  program: string;
  /** How to get it: a program's Debian package, or, for anything else, `remedy`. */
  debianPackage?: string;
  remedy?: string;
}

declare module '@vitest/runner' {
  interface TaskMeta {
    /** Set by describeWith on the tests it skipped for a missing program. */
    missingSystemProgram?: SystemProgramSkip;
  }
}

export interface SkippedFile {
  file: string;
  skip: SystemProgramSkip;
}

const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);

/** The one summary line, or undefined when nothing was skipped for a missing program. */
export function skipSummary(skipped: readonly SkippedFile[]): string | undefined {
  const byProgram = new Map<string, { remedy: string; files: Set<string> }>();
  for (const { file, skip } of skipped) {
    const entry = byProgram.get(skip.program) ?? { remedy: skip.remedy ?? `Debian package ${skip.debianPackage}`, files: new Set<string>() };
    entry.files.add(file);
    byProgram.set(skip.program, entry);
  }
  if (!byProgram.size) return undefined;
  const parts = [...byProgram]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([program, { remedy, files: names }]) => `${program} (${remedy}) in ${files(names.size)}: ${[...names].sort().join(', ')}`);
  return `skipped for missing system programs: ${parts.join('; ')}`;
}

/** The files of a run whose tests describeWith skipped, one entry a file and program. */
export function skippedFiles(testModules: ReadonlyArray<TestModule>): SkippedFile[] {
  const found = new Map<string, SkippedFile>();
  for (const module of testModules) {
    for (const test of module.children.allTests('skipped')) {
      const skip = test.meta().missingSystemProgram;
      if (skip) found.set(`${module.relativeModuleId}\0${skip.program}`, { file: module.relativeModuleId, skip });
    }
  }
  return [...found.values()];
}

export class SystemProgramSkipsReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const line = skipSummary(skippedFiles(testModules));
    if (line) this.vitest?.logger.log(line);
  }
}
