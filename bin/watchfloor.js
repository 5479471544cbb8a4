#!/usr/bin/env node
// The executable: build the real dependencies once, run, set the exit code.
import { run, createRealDeps } from '../dist/main.js';

// React (loaded only by watch and demo) runs its development build unless told
// otherwise: several times the work per frame. An explicit setting wins.
process.env.NODE_ENV ??= 'production';
process.exitCode = await run(process.argv.slice(2), createRealDeps());
