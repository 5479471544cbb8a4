// The audit log anchored outside the database, on a real hub: its key file
// (created owner-only, refused when others could use it), checkpoints in the
// file, the log and the event stream as the head moves and at shutdown, the
// verify and checkpoint routes, and a checkpoint file lost while running.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { AuditCheckpoint, HubEvent } from '../../src/core/model.js';
import { newAuditKeyPem, signerFrom } from '../../src/hub/audit/audit-key.js';
import { signCheckpoint } from '../../src/hub/audit/checkpoint.js';
import { startHub } from '../../src/hub/start.js';
import { waitUntil } from '../helpers/wait-until.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

const KEY = 'hub.audit-key.pem';
const CHECKPOINTS = 'hub.audit-checkpoints.jsonl';
const mode = (file: string) => statSync(file).mode & 0o777;
const checkpointsIn = (file: string): AuditCheckpoint[] =>
  readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditCheckpoint);

describe('the key file', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-auditkey-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** The start's failure: a one-line usage error. */
  async function refused(options: Partial<Parameters<typeof startHub>[0]> & { dataFile: string }): Promise<UsageError> {
    const error = await startHub({ host: '127.0.0.1', port: 0, ...options }).then(
      (hub) => hub.close().then(() => expect.fail('the hub started')),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).not.toContain('\n');
    return error as UsageError;
  }

  it('is created beside a new data file, readable by its owner only, and used again at the next start', async () => {
    const dir = fresh();
    const first = await startFixtureHub({ dir });
    const checkpoint = await first.admin.auditCheckpoint();
    await first.closeKeepingData();
    expect(mode(join(dir, KEY))).toBe(0o600);
    expect(mode(join(dir, CHECKPOINTS))).toBe(0o600);
    expect(readFileSync(join(dir, KEY), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(first.logs).toContainEqual(expect.stringContaining(`audit: created the signing key ${join(dir, KEY)}`));

    const second = await startFixtureHub({ dir, adminToken: first.adminToken! });
    try {
      expect((await second.admin.auditCheckpoint()).keyFingerprint).toBe(checkpoint.keyFingerprint);
      expect(second.logs.filter((l) => l.includes('created the signing key'))).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('is refused, before the data file is touched, when group or others may read or write it', async () => {
    const dir = fresh();
    writeFileSync(join(dir, KEY), newAuditKeyPem(), { mode: 0o600 });
    for (const loose of [0o640, 0o604, 0o620]) {
      chmodSync(join(dir, KEY), loose);
      const e = await refused({ dataFile: join(dir, 'hub.sqlite') });
      expect(e.message).toBe(`the audit key file ${join(dir, KEY)} is open to group or others (mode 0${loose.toString(8)})`);
      expect(e.hint).toContain('chmod 600');
    }
    expect(existsSync(join(dir, 'hub.sqlite'))).toBe(false);
  });

  it('named with --audit-key, must exist, be readable and hold an Ed25519 private key', async () => {
    const dir = fresh();
    const dataFile = join(dir, 'hub.sqlite');
    expect((await refused({ dataFile, auditKeyFile: join(dir, 'typo.pem') })).message).toBe(`cannot read the audit key file ${join(dir, 'typo.pem')}: ENOENT`);
    expect(existsSync(join(dir, 'typo.pem'))).toBe(false);

    // Unreadable: a directory (mode bits do not stop root, which some test machines run as).
    mkdirSync(join(dir, 'a-directory'), { mode: 0o700 });
    expect((await refused({ dataFile, auditKeyFile: join(dir, 'a-directory') })).message).toMatch(/^cannot read the audit key file .*a-directory: EISDIR$/);

    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(join(dir, 'rsa.pem'), rsa, { mode: 0o600 });
    expect((await refused({ dataFile, auditKeyFile: join(dir, 'rsa.pem') })).message).toBe(`${join(dir, 'rsa.pem')} is a rsa key; audit checkpoints are signed with Ed25519`);

    writeFileSync(join(dir, 'garbage.pem'), 'not a key', { mode: 0o600 });
    expect((await refused({ dataFile, auditKeyFile: join(dir, 'garbage.pem') })).message).toBe(`${join(dir, 'garbage.pem')} is not a private key the hub can read`);
    expect(existsSync(dataFile)).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('named with --audit-key, is refused when its owner cannot read it', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'key.pem'), newAuditKeyPem(), { mode: 0o200 });
    expect((await refused({ dataFile: join(dir, 'hub.sqlite'), auditKeyFile: join(dir, 'key.pem') })).message).toMatch(/: EACCES$/);
  });

  it('a key and checkpoint file chosen elsewhere are used as given', async () => {
    const dir = fresh();
    const keyFile = join(dir, 'keys', 'audit.pem');
    mkdirSync(join(dir, 'keys'));
    writeFileSync(keyFile, newAuditKeyPem(), { mode: 0o600 });
    const hub = await startFixtureHub({ dir, auditKeyFile: keyFile, auditCheckpointsFile: join(dir, 'kept.jsonl') });
    try {
      const checkpoint = await hub.admin.auditCheckpoint();
      expect(checkpoint.keyFingerprint).toBe(signerFrom(createPrivateKey(readFileSync(keyFile))).fingerprint);
      expect(checkpointsIn(join(dir, 'kept.jsonl'))).toEqual([checkpoint]);
      expect(existsSync(join(dir, KEY)) || existsSync(join(dir, CHECKPOINTS))).toBe(false);
    } finally {
      await hub.stop();
    }
  });
});

describe('checkpoints as the log grows', () => {
  let hub: FixtureHub;
  const events: HubEvent[] = [];
  const abort = new AbortController();
  let following: Promise<unknown>;

  beforeAll(async () => {
    hub = await startFixtureHub({ auditCheckpointEvery: { rows: 3, ms: 60_000, pollMs: 20 } });
    following = hub.admin.events({ signal: abort.signal, since: 0, onEvent: (e) => events.push(e) });
  });
  afterAll(async () => {
    abort.abort();
    await following;
    await hub?.stop();
  });

  const file = () => join(hub.dir, CHECKPOINTS);
  const headSeq = async () => (await hub.admin.listAudit({ limit: 1 })).at(-1)!.seq;

  it('signs the head once `rows` rows were added, into the file, the hub log and the event stream', async () => {
    // A new hub's first rows (its token, the fleet) are signed at the first look, the interval having never run.
    const seeded = await headSeq();
    await waitUntil(() => existsSync(file()) && checkpointsIn(file()).some((c) => c.seq === seeded), { what: 'the first checkpoint', timeoutMs: 5_000 });
    const before = checkpointsIn(file()).length;
    for (let i = 0; i < 3; i++) await hub.admin.createIncident({ title: `camera ${i} offline`, severity: 'sev4' });
    const seq = await headSeq();
    const signed = await waitUntil(() => checkpointsIn(file()).find((c) => c.seq === seq), { what: `a checkpoint of seq ${seq}`, timeoutMs: 5_000 });
    expect(signed.reason).toBe('periodic');
    expect(checkpointsIn(file()).length).toBe(before + 1);
    expect(hub.logs).toContain(`audit checkpoint: ${JSON.stringify(signed)}`);
    const event = await waitUntil(() => events.find((e) => e.type === 'audit.checkpoint' && (e.data as AuditCheckpoint).seq === seq), { what: 'the audit.checkpoint event', timeoutMs: 5_000 });
    expect(event.data).toEqual(signed);
  });

  it('fewer rows than that wait for the interval; asking signs the head at once, and asking again signs nothing new', async () => {
    await hub.admin.createIncident({ title: 'gate jammed', severity: 'sev4' });
    const seq = await headSeq();
    const lines = checkpointsIn(file()).length;
    const asked = await hub.admin.auditCheckpoint();
    expect(asked).toMatchObject({ seq, reason: 'request' });
    expect(await hub.admin.auditCheckpoint()).toEqual(asked);
    expect(checkpointsIn(file())).toHaveLength(lines + 1);
  });

  it('verifies against its own file; a checkpoint signed by another key, or altered, fails naming it', async () => {
    expect(await hub.admin.verifyAudit()).toMatchObject({ ok: true, badCheckpoint: null, checkpoints: { failed: 0 } });
    const rows = await hub.admin.listAudit({ limit: 2 });
    const other = signerFrom(createPrivateKey(newAuditKeyPem()));
    const foreign = signCheckpoint(other, rows[0]!, new Date(), 'periodic');
    const v = await hub.admin.verifyAudit([await hub.admin.auditCheckpoint(), foreign]);
    expect(v).toMatchObject({ ok: false, firstBroken: null, badCheckpoint: { source: 'given', index: 1, reason: expect.stringContaining('signed by another key') } });
    const own = await hub.admin.auditCheckpoint();
    expect((await hub.admin.verifyAudit([{ ...own, seq: own.seq - 1 }])).badCheckpoint).toMatchObject({ reason: expect.stringContaining('does not verify') });
  });

  it('only supervisors verify or fetch checkpoints; a body that is not checkpoints is a 400', async () => {
    const officer = await hub.clientAs('officer');
    await expect(officer.auditCheckpoint()).rejects.toMatchObject({ code: 'forbidden' });
    await expect(officer.verifyAudit([])).rejects.toMatchObject({ code: 'forbidden' });
    const bad = await rawRequest(`${hub.url}/v1/audit/verify`, { method: 'POST', token: hub.adminToken!, body: JSON.stringify({ checkpoints: [{ seq: 1 }] }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('usage');
  });

  it('a checkpoint file deleted while the hub runs fails verify at once, and the next checkpoint starts it again, marked', async () => {
    unlinkSync(file());
    expect(await hub.admin.verifyAudit()).toMatchObject({ ok: false, badCheckpoint: { source: 'hub', reason: `the hub's checkpoint file ${file()} is missing` } });
    await hub.admin.createIncident({ title: 'link down', severity: 'sev4' });
    const next = await hub.admin.auditCheckpoint();
    expect(next.reason).toBe('file-missing');
    expect(checkpointsIn(file())).toEqual([next]);
    expect(hub.logs).toContainEqual(expect.stringMatching(/^audit WARNING: the checkpoint file .* disappeared while the hub was running/));
  });
});

describe('at shutdown and the next start', () => {
  it('signs the last row at shutdown; a start that finds the log as it was says nothing and signs it again', async () => {
    const first = await startFixtureHub();
    await first.admin.createIncident({ title: 'queue sensor down', severity: 'sev3' });
    const seq = (await first.admin.listAudit({ limit: 1 })).at(-1)!.seq;
    await first.closeKeepingData();
    expect(checkpointsIn(join(first.dir, CHECKPOINTS)).at(-1)).toMatchObject({ seq, reason: 'shutdown' });

    const second = await startFixtureHub({ dir: first.dir, adminToken: first.adminToken! });
    try {
      expect(checkpointsIn(join(first.dir, CHECKPOINTS)).at(-1)).toMatchObject({ seq, reason: 'start' });
      expect(second.logs.filter((l) => l.includes('WARNING'))).toEqual([]);
      expect(await second.admin.verifyAudit()).toMatchObject({ ok: true, checkpoints: { failed: 0, latest: { seq } } });
    } finally {
      await second.stop();
    }
  });
});
