// watchfloor's version (the CLI's and the hub's): package.json's, read once.
import { packageRoot } from './package-root.js';

export function watchfloorVersion(): string {
  return packageRoot()?.version ?? '0.0.0';
}
