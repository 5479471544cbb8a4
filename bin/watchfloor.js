#!/usr/bin/env node
// The executable: build the real dependencies once, run, set the exit code.
import { run, createRealDeps } from '../dist/main.js';

process.exitCode = await run(process.argv.slice(2), createRealDeps());
