// Playbook versions: what a hub records at each start, the warning for a
// definition changed under an unchanged version number, the audit row for a
// definition first seen, and `history` joining runs to versions by hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.js';
import type { PlaybookDefinition } from '../../src/core/model.js';
import { catalogOf } from '../../src/hub/playbooks/catalog.js';
import { playbookHistory, type PlaybookRunRef } from '../../src/hub/playbooks/history.js';
import type { PlaybookVersionRecord } from '../../src/hub/store/store.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { minimalPlaybook, playbookDir, type PlaybookDir } from './playbook-text.js';

describe('across restarts on one data file', () => {
  let dir: PlaybookDir;
  let hub: FixtureHub;
  let adminToken: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = playbookDir();
    dir.write('gate-check.yaml', minimalPlaybook('gate-check'));
    const first = await startFixtureHub({ playbooksDir: dir.dir });
    adminToken = first.adminToken!;
    dataDir = first.dir;
    const v1 = await first.admin.playbookHistory('gate-check');
    expect(v1.versions).toHaveLength(1);
    await first.closeKeepingData();

    // Edited without a new version number, then again as version 2.
    dir.write('gate-check.yaml', minimalPlaybook('gate-check', '    timeout: 5m\n'));
    const second = await startFixtureHub({ playbooksDir: dir.dir, dir: dataDir, adminToken });
    hub = second;
    hub.logs.push('--- third start ---');
    await second.closeKeepingData();
    dir.write('gate-check.yaml', minimalPlaybook('gate-check', '    timeout: 5m\n').replace('version: 1', 'version: 2'));
    const third = await startFixtureHub({ playbooksDir: dir.dir, dir: dataDir, adminToken });
    third.logs.unshift(...hub.logs);
    hub = third;
  });

  afterAll(async () => {
    await hub?.stop();
    dir?.remove();
  });

  it('warns once about a definition changed under the same version number', () => {
    const warnings = hub.logs.filter((l) => l.startsWith('warning: playbook'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: playbook gate-check changed \([0-9a-f]{12} → [0-9a-f]{12}\) but is still version 1; give an edited playbook the next version number \(.*gate-check\.yaml\)$/);
    expect(hub.logs.indexOf(warnings[0]!)).toBeLessThan(hub.logs.indexOf('--- third start ---'));
  });

  it('history lists every version newest first, the loaded one marked, and no runs before the runner has any', async () => {
    const history = await hub.admin.playbookHistory('gate-check');
    expect(history.playbookId).toBe('gate-check');
    expect(history.versions.map((v) => [v.version, v.current, v.runs])).toEqual([
      [2, true, []],
      [1, false, []],
      [1, false, []],
    ]);
    expect(new Set(history.versions.map((v) => v.hash)).size).toBe(3);
    expect(history.versions[0]!.hash).toBe((await hub.admin.getPlaybook('gate-check')).hash);
    expect(Date.parse(history.versions[0]!.firstSeenAt)).toBeGreaterThanOrEqual(Date.parse(history.versions[2]!.firstSeenAt));
  });

  it('built-ins are recorded once, however often the hub starts', async () => {
    expect((await hub.admin.playbookHistory('terminal-evacuation')).versions).toMatchObject([{ version: 1, source: 'built-in', current: true }]);
  });

  it('each definition first seen is in the audit log, by the hub itself', async () => {
    const loaded = (await hub.admin.listAudit({})).filter((e) => e.action === 'playbook.loaded');
    expect(loaded.filter((e) => e.target === 'gate-check')).toHaveLength(3);
    expect(loaded.filter((e) => e.target === 'terminal-evacuation')).toHaveLength(1);
    expect(loaded[0]).toMatchObject({ actor: { id: 'system' }, channel: 'system', detail: { version: 1, source: 'built-in' } });
  });

  it('an id the hub never loaded is 404', async () => {
    await expect(hub.admin.playbookHistory('never-seen')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('history joins runs to versions by playbook id and hash', () => {
  const definition = (version: number) => ({ id: 'p', version }) as unknown as PlaybookDefinition;
  const record = (version: number, hash: string, firstSeenAt: string): PlaybookVersionRecord => ({
    playbookId: 'p',
    version,
    hash,
    source: 'built-in',
    firstSeenAt,
    definition: definition(version),
  });

  it('each run under the version whose hash it recorded', async () => {
    const reader = { listPlaybookVersions: async () => [record(2, 'h2', '2025-03-02T00:00:00.000Z'), record(1, 'h1', '2025-03-01T00:00:00.000Z')] };
    const runs: PlaybookRunRef[] = [
      { id: 'RUN-3', hash: 'h2', status: 'running', startedAt: '2025-03-02T01:00:00.000Z' },
      { id: 'RUN-2', hash: 'h1', status: 'succeeded', startedAt: '2025-03-01T02:00:00.000Z' },
      { id: 'RUN-1', hash: 'h1', status: 'failed', startedAt: '2025-03-01T01:00:00.000Z' },
      { id: 'RUN-0', hash: 'unknown', status: 'failed', startedAt: '2025-02-01T01:00:00.000Z' },
    ];
    const catalog = catalogOf([]);
    const history = await playbookHistory(reader, catalog, { runsOfPlaybook: async () => runs }, 'p');
    expect(history!.versions.map((v) => [v.version, v.runs.map((r) => r.id)])).toEqual([
      [2, ['RUN-3']],
      [1, ['RUN-2', 'RUN-1']],
    ]);
    expect(history!.versions[0]!.runs[0]).toEqual({ id: 'RUN-3', status: 'running', startedAt: '2025-03-02T01:00:00.000Z' });
  });
});
