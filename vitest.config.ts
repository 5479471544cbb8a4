import { defineConfig } from 'vitest/config';
import { SystemProgramSkipsReporter } from './test/helpers/system-program-skips.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Integration tests start hubs and child processes; two cores, so keep it modest.
    maxWorkers: 2,
    // After the default summary: one line naming the files skipped for a missing system program.
    reporters: ['default', new SystemProgramSkipsReporter()],
  },
});
