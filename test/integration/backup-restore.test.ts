// Issue 13: backups. A hub under write load (tokens created without pause,
// each a token row and an audit row in one transaction) is backed up through
// the built CLI; the copy is restored with `hub restore` into a new data
// file, a hub started on it passes `audit verify` and holds every token whose
// creation was answered before the backup began. A running hub's data file
// is refused; a damaged backup replaces nothing.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { startHub } from '../../src/hub/start.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

describe('hub backup and hub restore', () => {
  let hub: TestHub;
  let cli: CliEnv;
  let dir: string;
  let backup: string;
  let committedBefore: string[];

  beforeAll(async () => {
    hub = await startTestHub();
    cli = cliEnv();
    dir = mkdtempSync(join(tmpdir(), 'wf-backup-'));
    backup = join(dir, 'nightly.sqlite');
    const client = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
    const answered: string[] = [];
    let writing = true;
    let n = 0;
    // Four writers, each creating tokens one after another until told to stop.
    const writers = Array.from({ length: 4 }, async () => {
      while (writing) answered.push((await client.createToken({ name: `load-${n++}`, role: 'viewer' })).token.id);
    });
    while (answered.length < 50) await new Promise((r) => setTimeout(r, 10));
    committedBefore = [...answered];
    const r = await runCli(['hub', 'backup', backup, '--json', '--hub', hub.url, '--token', hub.adminToken], cli.env, 60_000);
    const afterBackup = answered.length;
    // Writes went on while the copy was taken and sent.
    while (answered.length < afterBackup + 20) await new Promise((r) => setTimeout(r, 10));
    writing = false;
    await Promise.all(writers);
    await client.close();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; bytes: number; sha256: string };
    expect(out).toMatchObject({ file: backup, bytes: statSync(backup).size });
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    cli?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the copy private (0600) and leaves no temporary file beside it or beside the data file', () => {
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['nightly.sqlite']);
    expect(readdirSync(hub.dir).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('refuses to overwrite a file (exit 5) unless --force', async () => {
    const r = await runCli(['hub', 'backup', backup, '--hub', hub.url, '--token', hub.adminToken], cli.env, 60_000);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`${backup} already exists`);
  });

  it('is for admins only (exit 6): a viewer token gets nothing', async () => {
    const client = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
    const viewer = await client.createToken({ name: 'viewer', role: 'viewer' });
    await client.close();
    const file = join(dir, 'viewer.sqlite');
    const r = await runCli(['hub', 'backup', file, '--hub', hub.url, '--token', viewer.secret], cli.env, 60_000);
    expect(r.code).toBe(6);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('viewer'))).toEqual([]);
  });

  it('refuses to restore over the data file of a running hub (exit 5), and replaces nothing', async () => {
    const before = readFileSync(hub.dataFile).length;
    const r = await runCli(['hub', 'restore', backup, '--data', hub.dataFile], cli.env, 60_000);
    expect(r.code).toBe(5);
    expect(r.stderr.split('\n')[0]).toBe(`watchfloor: the data file ${hub.dataFile} is in use (a hub running on it?)`);
    expect(readFileSync(hub.dataFile).length).toBe(before);
  });

  it('refuses a damaged backup (integrity, or an altered audit row) and keeps the data file as it was', async () => {
    const target = join(dir, 'target.sqlite');
    writeFileSync(target, 'the old data');
    const altered = join(dir, 'altered.sqlite');
    copyFileSync(backup, altered);
    const db = new Database(altered);
    db.prepare("UPDATE audit SET action = 'token.deleted' WHERE seq = 3").run();
    db.close();
    const tampered = await runCli(['hub', 'restore', altered, '--data', target], cli.env, 60_000);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr.split('\n')[0]).toMatch(/^watchfloor: .*altered\.sqlite: the audit log is broken at seq 3 /);
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    const bad = await runCli(['hub', 'restore', garbage, '--data', target], cli.env, 60_000);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('garbage.sqlite');
    expect(readFileSync(target, 'utf8')).toBe('the old data');
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('restores into a stopped hub\'s place: audit verify passes and every row committed before the backup is there', async () => {
    const restoredDir = mkdtempSync(join(dir, 'restored-'));
    const data = join(restoredDir, 'hub.sqlite');
    writeFileSync(data, ''); // a stopped hub's (empty) file: kept aside, not lost
    const r = await runCli(['hub', 'restore', backup, '--data', data, '--json'], cli.env, 60_000);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { restored: boolean; keptAs: string; auditRows: number };
    expect(result.restored).toBe(true);
    expect(result.auditRows).toBeGreaterThanOrEqual(committedBefore.length);
    expect(existsSync(result.keptAs)).toBe(true);
    expect(statSync(data).mode & 0o777).toBe(0o600);

    const restored = await startHub({ dataFile: data, host: '127.0.0.1', port: 0 });
    try {
      const verify = await runCli(['audit', 'verify', '--json', '--hub', restored.url, '--token', hub.adminToken], cli.env, 60_000);
      expect(verify.code, verify.stderr).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
      const client = new CoreClient({ hubUrl: restored.url, token: hub.adminToken });
      const ids = new Set((await client.listTokens()).map((t) => t.id));
      const audit = await client.listAudit({ limit: 1000, since: '0' });
      await client.close();
      expect(committedBefore.filter((id) => !ids.has(id))).toEqual([]);
      // The copy holds the record of its own taking.
      expect(audit.some((e) => e.action === 'hub.backup')).toBe(true);
    } finally {
      await restored.close();
    }
  }, 60_000);
});
