// Playbook files for tests, written as YAML text the way an operator would,
// so every error's line number can be read off the text itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small valid playbook; `id` and extra lines change what the tests need. */
export function minimalPlaybook(id = 'gate-check', extra = ''): string {
  return `id: ${id}
version: 1
title: { en: Gate check, ar: فحص البوابة }
description: { en: Checks a gate, ar: يفحص بوابة }
severity: sev3
triggers:
  - match: { asset.kind: egate, severity: [sev2, sev3] }
steps:
  - id: look
    type: diagnose
    title: { en: Look at the gate, ar: فحص البوابة }
    target: \${asset}
${extra}`;
}

export interface PlaybookDir {
  dir: string;
  write(name: string, text: string): string;
  remove(): void;
}

export function playbookDir(prefix = 'wf-playbooks-'): PlaybookDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
