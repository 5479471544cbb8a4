// `audit verify --checkpoint FILE…` and `audit checkpoint` through run()
// against stub hubs: what is sent, exit codes, and the messages a person and
// a script get.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditCheckpoint, AuditCheckpointFailure, AuditVerification } from '../../src/core/model.js';
import { auditFailureMessage } from '../../src/render/audit.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';

const checkpoint = (seq: number, reason: AuditCheckpoint['reason'] = 'periodic'): AuditCheckpoint => ({
  seq,
  hash: String(seq % 10).repeat(64),
  at: `2025-03-01T06:${String(seq).padStart(2, '0')}:00.000Z`,
  reason,
  keyFingerprint: 'SHA256:q1Yk9gQ0yZ8Yk0mYt7nq3c0y7xk3QYx0V9lRk6o0b7s',
  publicKey: 'MCowBQYDK2VwAyEAx6Z9m1Jb0p2YvG0Q3VwqkP1h3i4R3bX8o2Yx1m2n3o4=',
  signature: 'c2lnbmF0dXJl',
});

const INTACT: AuditVerification = {
  ok: true,
  checked: 40,
  firstBroken: null,
  checkpoints: { checked: 3, failed: 0, latest: { seq: 40, at: '2025-03-01T06:40:00.000Z' } },
  badCheckpoint: null,
  keyFingerprint: checkpoint(1).keyFingerprint,
};

// The hub names the failing checkpoint by its place among those sent: the third, line 4 of the second file below.
const BROKEN: AuditVerification = {
  ok: false,
  checked: 40,
  firstBroken: { seq: 12, reason: 'row 12 does not hash to it (row 5 still agrees with an earlier checkpoint)' },
  checkpoints: { checked: 3, failed: 1, latest: { seq: 5, at: '2025-03-01T06:05:00.000Z' } },
  badCheckpoint: {
    seq: 12,
    at: '2025-03-01T06:12:00.000Z',
    reason: 'row 12 does not hash to it (row 5 still agrees with an earlier checkpoint)',
    source: 'given',
    index: 2,
    file: null,
    line: null,
  },
  keyFingerprint: checkpoint(1).keyFingerprint,
};

let intactHub: StubHub;
let brokenHub: StubHub;
let cli: FakeCli;
let first = '';
let second = '';

beforeAll(async () => {
  intactHub = await startStubHub([
    { method: 'POST', path: '/v1/audit/verify', body: INTACT },
    { method: 'GET', path: '/v1/audit/checkpoint', body: { checkpoint: checkpoint(40, 'request') } },
  ]);
  brokenHub = await startStubHub([{ method: 'POST', path: '/v1/audit/verify', body: BROKEN }]);
  cli = fakeCli({ env: { WATCHFLOOR_HUB: intactHub.url } });
  first = join(cli.configDir, 'first.jsonl');
  second = join(cli.configDir, 'second.jsonl');
  writeFileSync(first, `${JSON.stringify(checkpoint(5))}\n`);
  // As `audit checkpoint --json >>` appends them, with a blank line between.
  writeFileSync(second, `${JSON.stringify({ checkpoint: checkpoint(9) })}\n\n\n${JSON.stringify(checkpoint(12))}\n`);
});

afterAll(async () => {
  expect(intactHub.unexpected).toEqual([]);
  expect(brokenHub.unexpected).toEqual([]);
  await intactHub.close();
  await brokenHub.close();
  cli.cleanup();
});

describe('audit verify --checkpoint', () => {
  it('sends every checkpoint of every file; intact, it says how far the checkpoints vouch, and with which key', async () => {
    const r = await cli.run('audit', 'verify', '--checkpoint', first, '--checkpoint', second);
    expect(r.code, r.stderr).toBe(0);
    expect(intactHub.requests.at(-1)!.body).toEqual({ checkpoints: [checkpoint(5), checkpoint(9), checkpoint(12)] });
    expect(r.stdout).toBe(
      'audit chain intact: 40 entries\n' +
        'checkpoints: 3 agree; the latest vouches for rows up to seq 40 (2025-03-01T06:40:00.000Z)\n' +
        `signing key: ${checkpoint(1).keyFingerprint}\n`,
    );
  });

  it('broken, exit 1 naming the first bad row and the checkpoint by its file and line; --json carries them too', async () => {
    const r = await cli.run('audit', 'verify', '--hub', brokenHub.url, '--checkpoint', first, '--checkpoint', second);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(
      `watchfloor: audit log broken at seq 12: checkpoint seq 12 of 2025-03-01T06:12:00.000Z (${second} line 4) fails: ` +
        'row 12 does not hash to it (row 5 still agrees with an earlier checkpoint)',
    );
    const j = await cli.run('audit', 'verify', '--hub', brokenHub.url, '--checkpoint', first, '--checkpoint', second, '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual({ ...BROKEN, badCheckpoint: { ...BROKEN.badCheckpoint, file: second, line: 4 } });
    expect(JSON.parse(j.stderr).error).toMatchObject({ code: 'check_failed', details: { firstBroken: { seq: 12 }, badCheckpoint: { file: second, line: 4 } } });
  });

  it('a file that is gone, empty, unreadable or not checkpoints is a usage error (exit 2) naming it, and nothing is sent', async () => {
    const sent = intactHub.requests.length;
    const empty = join(cli.configDir, 'empty.jsonl');
    const notCheckpoints = join(cli.configDir, 'log-lines.txt');
    writeFileSync(empty, '\n');
    writeFileSync(notCheckpoints, `${JSON.stringify(checkpoint(3))}\nhub listening on http://127.0.0.1:7474\n`);
    const cases: [string, string][] = [
      [join(cli.configDir, 'gone.jsonl'), `watchfloor: checkpoint file ${join(cli.configDir, 'gone.jsonl')} does not exist: it was deleted or moved, or the path is wrong`],
      [empty, `watchfloor: checkpoint file ${empty} holds no checkpoints: it was emptied, or it is not the file you meant`],
      [cli.configDir, `watchfloor: cannot read checkpoint file ${cli.configDir}: EISDIR`],
      [notCheckpoints, `watchfloor: ${notCheckpoints} line 2 is not JSON`],
    ];
    for (const [file, message] of cases) {
      const r = await cli.run('audit', 'verify', '--checkpoint', first, '--checkpoint', file);
      expect(r.code, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toBe(message);
    }
    expect(intactHub.requests.length).toBe(sent);
  });
});

describe('audit checkpoint', () => {
  it('prints the signed head a field a line for a person, with how to keep it on stderr', async () => {
    const r = await cli.run('audit', 'checkpoint');
    expect(r.code, r.stderr).toBe(0);
    const c = checkpoint(40, 'request');
    expect(r.stdout).toBe(
      [
        'seq        40',
        `hash       ${c.hash}`,
        `at         ${c.at}`,
        'reason     request',
        `key        ${c.keyFingerprint}`,
        `public key ${c.publicKey}`,
        `signature  ${c.signature}`,
      ].join('\n') + '\n',
    );
    expect(r.stderr).toContain('watchfloor audit checkpoint --json >> FILE');
  });

  it('--json prints one line that audit verify --checkpoint reads back', async () => {
    const r = await cli.run('audit', 'checkpoint', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ checkpoint: checkpoint(40, 'request') });
    const kept = join(cli.configDir, 'kept.jsonl');
    writeFileSync(kept, r.stdout);
    expect((await cli.run('audit', 'verify', '--checkpoint', kept)).code).toBe(0);
    expect(intactHub.requests.at(-1)!.body).toEqual({ checkpoints: [checkpoint(40, 'request')] });
  });
});

describe('the line audit verify fails with', () => {
  const failure = (over: Partial<AuditCheckpointFailure>): AuditCheckpointFailure => ({
    seq: 7, at: '2025-03-01T06:07:00.000Z', reason: 'x', source: 'given', index: 0, file: '/kept/a.jsonl', line: 3, ...over,
  });
  const result = (firstBroken: AuditVerification['firstBroken'], badCheckpoint: AuditCheckpointFailure | null): AuditVerification => ({
    ok: false, checked: 9, firstBroken, badCheckpoint,
  });

  it('names the row for the chain, the checkpoint and its place for a checkpoint, and both when they differ', () => {
    expect(auditFailureMessage(result({ seq: 3, reason: 'row 3 was changed' }, null))).toBe('audit chain broken at seq 3: row 3 was changed');
    const forged = failure({ reason: 'its signature does not verify: it was altered or forged' });
    expect(auditFailureMessage(result(null, forged))).toBe(
      'audit log: checkpoint seq 7 of 2025-03-01T06:07:00.000Z (/kept/a.jsonl line 3) fails: its signature does not verify: it was altered or forged',
    );
    expect(auditFailureMessage(result({ seq: 3, reason: 'row 3 was changed' }, forged))).toBe(
      'audit chain broken at seq 3: row 3 was changed; also checkpoint seq 7 of 2025-03-01T06:07:00.000Z (/kept/a.jsonl line 3) fails: its signature does not verify: it was altered or forged',
    );
    expect(auditFailureMessage(result(null, failure({ seq: null, at: null, source: 'hub', index: null, file: '/srv/hub.jsonl', line: 2, reason: 'line 2 is not JSON' })))).toBe(
      'audit log: a checkpoint (/srv/hub.jsonl line 2) fails: line 2 is not JSON',
    );
    expect(auditFailureMessage(result(null, failure({ seq: null, at: null, source: 'hub', index: null, file: '/srv/hub.jsonl', line: null, reason: "the hub's checkpoint file /srv/hub.jsonl is missing" })))).toBe(
      "audit log: the hub's checkpoint file /srv/hub.jsonl is missing",
    );
  });
});
