// Issue 10: every way of rewriting the audit log found by trying, each done
// to a copy of a real hub's data file while no hub runs on it, then checked
// by the built CLI's `audit verify` against a hub started on the copy — with
// the checkpoints an auditor kept elsewhere, and without (where the chain
// alone caught only five of the thirteen).
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { newAuditKeyPem } from '../../src/hub/audit/audit-key.js';
import { startHub } from '../../src/hub/start.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { TAMPERINGS } from './audit-tamperings.js';

const KEY = 'hub.audit-key.pem';
const CHECKPOINTS = 'hub.audit-checkpoints.jsonl';

let original = '';
let adminToken = '';
let lastSeq = 0;
let midSeq = 0;
/** The auditor's copy of the checkpoints, taken when the hub stopped, kept outside every hub's directory. */
let kept = '';
let cli: CliEnv;
const dirs: string[] = [];

beforeAll(async () => {
  original = mkdtempSync(join(tmpdir(), 'wf-tamper-'));
  dirs.push(original);
  cli = cliEnv();
  const hub = await startHub({ dataFile: join(original, 'hub.sqlite'), host: '127.0.0.1', port: 0 });
  adminToken = hub.adminToken!;
  const admin = new CoreClient({ hubUrl: hub.url, token: adminToken });
  try {
    for (let i = 1; i <= 4; i++) {
      const { incident } = await admin.createIncident({ title: `gate ${i} offline`, severity: 'sev3' });
      await admin.ack(incident.id);
      // Halfway, an auditor asks for the head: a checkpoint in the middle of the log.
      if (i === 2) midSeq = (await admin.auditCheckpoint()).seq;
    }
    lastSeq = (await admin.listAudit({ limit: 1000 })).at(-1)!.seq;
  } finally {
    await admin.close();
    await hub.close();
  }
  kept = join(cli.configDir, 'kept-checkpoints.jsonl');
  copyFileSync(join(original, CHECKPOINTS), kept);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  cli?.cleanup();
});

/** A copy of the stopped hub's files in a directory of its own, as someone with access to them would take it. */
function copyOfOriginal(files = ['hub.sqlite', 'hub.sqlite-wal', KEY, CHECKPOINTS]): string {
  const dir = mkdtempSync(join(tmpdir(), 'wf-tamper-copy-'));
  dirs.push(dir);
  for (const name of files) {
    if (existsSync(join(original, name))) copyFileSync(join(original, name), join(dir, name));
  }
  return dir;
}

async function verifyOn(dir: string, args: string[]) {
  const logs: string[] = [];
  const hub = await startHub({ dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0, log: (l) => logs.push(l) });
  try {
    const result = await runCli(['audit', 'verify', ...args], { ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: adminToken });
    return { ...result, logs };
  } finally {
    await hub.close();
  }
}

function tamper(dir: string, apply: (db: Database.Database, lastSeq: number) => void): void {
  const db = new Database(join(dir, 'hub.sqlite'));
  try {
    apply(db, lastSeq);
  } finally {
    db.close();
  }
}

describe('the hub it was copied from', () => {
  it('signed checkpoints at the start of its log, in the middle and at shutdown, with the key beside its data file', () => {
    expect(lastSeq).toBeGreaterThanOrEqual(9);
    const lines = readFileSync(kept, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number; reason: string });
    expect(lines.map((c) => c.reason)).toContain('request');
    expect(lines.find((c) => c.reason === 'request')!.seq).toBe(midSeq);
    expect(lines.at(-1)).toMatchObject({ seq: lastSeq, reason: 'shutdown' });
  });

  it('verifies untouched, against the kept checkpoints', async () => {
    const r = await verifyOn(copyOfOriginal(), ['--checkpoint', kept]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`the latest vouches for rows up to seq ${lastSeq}`);
    expect(r.logs.filter((l) => l.includes('WARNING'))).toEqual([]);
  });
});

describe('audit verify with the kept checkpoints, on a copy tampered with while the hub was stopped', () => {
  for (const tampering of TAMPERINGS) {
    it(`detects: ${tampering.name}`, async () => {
      const dir = copyOfOriginal();
      tamper(dir, tampering.apply);
      const r = await verifyOn(dir, ['--checkpoint', kept, '--json']);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const result = JSON.parse(r.stdout);
      expect(result.ok).toBe(false);
      // It names the first bad row, or (when only a checkpoint shows it) the checkpoint.
      expect(result.firstBroken?.seq ?? result.badCheckpoint?.seq).toEqual(expect.any(Number));
      expect(JSON.parse(r.stderr).error.message).toMatch(/seq \d+/);
      // What the chain alone missed, the hub started on the copy said in its log before anyone asked.
      if (!tampering.caughtByChainAlone) expect(r.logs.filter((l) => l.startsWith('audit WARNING'))).toHaveLength(1);
    });
  }

  it('names where the chain alone cannot: a recomputed chain fails the first checkpoint past the edited row, with the file and line it came from', async () => {
    const dir = copyOfOriginal();
    tamper(dir, TAMPERINGS.find((t) => t.name === 'edit a row and recompute the whole chain')!.apply);
    // The tampering edits row 3. The first kept checkpoint at or past it is the one that fails: the middle one
    // the test asked for, or an earlier one the hub's timer signed when the machine was slow.
    const seqs = readFileSync(kept, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq);
    const first = Math.min(...seqs.filter((seq) => seq >= 3));
    expect(first).toBeLessThanOrEqual(midSeq);
    const r = await verifyOn(dir, ['--checkpoint', kept]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`audit log broken at seq ${first}: checkpoint seq ${first} of `);
    expect(r.stderr).toMatch(new RegExp(`\\(${kept.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line \\d+\\) fails: row ${first} does not hash to it`));
  });
});

describe('the 14th: the checkpoint file deleted', () => {
  it('a verify told to use it fails loudly (exit 2, naming it), not silently without it', async () => {
    const dir = copyOfOriginal(['hub.sqlite', 'hub.sqlite-wal', KEY]);
    const gone = join(dir, 'auditors-copy.jsonl');
    copyFileSync(kept, gone);
    rmSync(gone);
    const r = await verifyOn(dir, ['--checkpoint', kept, '--checkpoint', gone]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`checkpoint file ${gone} does not exist`);
    expect(r.stdout).toBe('');
  });

  it('the hub restarted without it warns, and starts a new file whose first checkpoint says the old one was missing', async () => {
    const dir = copyOfOriginal(['hub.sqlite', 'hub.sqlite-wal', KEY]);
    const r = await verifyOn(dir, ['--checkpoint', kept]);
    // The rows are as they were: the kept copy still vouches for them.
    expect(r.code, r.stderr).toBe(0);
    expect(r.logs).toContainEqual(expect.stringMatching(new RegExp(`^audit WARNING: the checkpoint file .*${CHECKPOINTS} is missing, though the log has ${lastSeq} rows`)));
    const fresh = readFileSync(join(dir, CHECKPOINTS), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(fresh[0]).toMatchObject({ seq: lastSeq, reason: 'file-missing' });
  });

  it('and a rewrite made along with deleting it is still caught by the kept copy', async () => {
    const dir = copyOfOriginal(['hub.sqlite', 'hub.sqlite-wal', KEY]);
    tamper(dir, TAMPERINGS.find((t) => t.name === 'append a correctly chained forged row and move the head to it')!.apply);
    const r = await verifyOn(dir, ['--checkpoint', kept]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`audit log broken at seq ${lastSeq + 1}`);
    expect(r.stderr).toContain(`while no hub was running`);
  });
});

describe('from the command line', () => {
  it('hub start refuses a key file others may read: exit 2, one line naming it, and a hint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-tamper-key-'));
    dirs.push(dir);
    const key = join(dir, 'audit.pem');
    writeFileSync(key, newAuditKeyPem());
    chmodSync(key, 0o644);
    const r = await runCli(['hub', 'start', '--data', join(dir, 'hub.sqlite'), '--port', '0', '--audit-key', key], cli.env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`watchfloor: the audit key file ${key} is open to group or others (mode 0644)`);
    expect(r.stderr.split('\n')[1]).toMatch(/^hint: .*chmod 600/);
    expect(existsSync(join(dir, 'hub.sqlite'))).toBe(false);
  });

  it('what audit checkpoint --json prints, appended to a file, is what audit verify --checkpoint holds the log to', async () => {
    const dir = copyOfOriginal();
    const hub = await startHub({ dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0 });
    const env = { ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: adminToken };
    const mine = join(dir, 'mine.jsonl');
    try {
      const printed = await runCli(['audit', 'checkpoint', '--json'], env);
      expect(printed.code, printed.stderr).toBe(0);
      expect(JSON.parse(printed.stdout).checkpoint).toMatchObject({ seq: lastSeq });
      writeFileSync(mine, printed.stdout, { flag: 'a' });
      const text = await runCli(['audit', 'checkpoint'], env);
      expect(text.stdout).toMatch(new RegExp(`^seq {8}${lastSeq}\nhash {7}[0-9a-f]{64}\n`));
      const verified = await runCli(['audit', 'verify', '--checkpoint', mine], env);
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain(`the latest vouches for rows up to seq ${lastSeq}`);
    } finally {
      await hub.close();
    }
    // The same kept line catches the log cut short behind the hub's back.
    tamper(dir, TAMPERINGS.find((t) => t.name === 'delete the last rows and the recorded head')!.apply);
    rmSync(join(dir, CHECKPOINTS));
    const r = await verifyOn(dir, ['--checkpoint', mine]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`audit log broken at seq ${lastSeq - 1}: checkpoint seq ${lastSeq} of `);
    expect(r.stderr).toContain(`(${mine} line 1) fails`);
  });
});
