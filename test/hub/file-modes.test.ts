// Files that hold state or secrets are the owner's alone. The hub's data file
// holds the audit log, incidents and token hashes; SQLite creates its -wal and
// -shm later, with the mode of the data file. The bot's outbox holds the
// messages it will post. A hub started where others could read or replace its
// data says so once, with the fix.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/bot/outbox-store.js';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';

const modeOf = (file: string) => statSync(file).mode & 0o777;
const octal = (mode: number) => mode.toString(8).padStart(4, '0');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wf-modes-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function hubIn(dir: string): Promise<FixtureHub> {
  const hub = await startFixtureHub({ dir });
  cleanups.push(() => hub.closeKeepingData());
  return hub;
}

const permissionWarnings = (hub: FixtureHub) => hub.logs.filter((l) => l.includes('chmod'));

describe("the hub's data file", () => {
  it('is created 0600, and so are its -wal and -shm, after writes', async () => {
    const dir = tempDir();
    const hub = await hubIn(dir);
    // Writes go to the WAL: a token, an incident's worth of audit.
    await hub.admin.createToken({ name: 'night-shift', role: 'officer' });
    const file = join(dir, 'hub.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(f), f).toBe(true);
      expect(octal(modeOf(f)), f).toBe('0600');
    }
    expect(permissionWarnings(hub)).toEqual([]);
  });

  it('one warning line when the data file is readable by others, naming it and the fix', async () => {
    const dir = tempDir();
    const file = join(dir, 'hub.sqlite');
    writeFileSync(file, '', { mode: 0o644 }); // an empty file is an empty database, as an older hub left it
    chmodSync(file, 0o644);
    const hub = await hubIn(dir);
    const warnings = permissionWarnings(hub);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toContain(`chmod 600 ${file}`);
    // Left as it was: a mode someone chose is theirs to change.
    expect(octal(modeOf(file))).toBe('0644');
  });

  it('one warning line when its directory is writable by group or others', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const hub = await hubIn(dir);
    const warnings = permissionWarnings(hub);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`chmod go-w ${dir}`);
    // The file itself is still created private.
    expect(octal(modeOf(join(dir, 'hub.sqlite')))).toBe('0600');
  });
});

describe("the chat bot's outbox file", () => {
  it('is created 0600 with its -wal and -shm', () => {
    const file = join(tempDir(), 'slack-outbox-default.sqlite');
    const store = new OutboxStore(file);
    try {
      store.enqueue({ kind: 'post', key: 'INC-1', channel: 'C1', text: 'sev1 at RUH' }, Date.now(), []);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(octal(modeOf(f)), f).toBe('0600');
    } finally {
      store.close();
    }
  });
});
