// Colours for the things a duty officer scans for. With colour off every
// function is the identity, so renderers never branch on it.
import { Chalk } from 'chalk';
import type { Health, Severity } from '../core/vocabulary.js';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  health(h: Health, text: string): string;
  severity(s: Severity, text: string): string;
  warn(s: string): string;
}

const same = (s: string) => s;
const PLAIN: Style = { bold: same, dim: same, health: (_h, text) => text, severity: (_s, text) => text, warn: same };

export function createStyle(color: boolean): Style {
  // Piped output and NO_COLOR need no colour library at all (the bundle loads
  // chalk on first use: scripts/build.mjs).
  if (!color) return PLAIN;
  const c = new Chalk({ level: 1 });
  return {
    bold: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    health: (h, text) => (h === 'down' ? c.red.bold(text) : h === 'degraded' ? c.yellow(text) : c.green(text)),
    severity: (s, text) =>
      s === 'sev1' ? c.red.bold(text) : s === 'sev2' ? c.red(text) : s === 'sev3' ? c.yellow(text) : c.dim(text),
    warn: (s) => c.yellow(s),
  };
}
