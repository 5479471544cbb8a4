// `playbook report RUN` from the built CLI against a real hub: the
// after-action report of a run still going (said at the top) and of one that
// ended — its timeline with every step attempt, approval, checklist tick,
// note and mode switch, who did what through which channel, a failed step
// tried again, the notes as lessons — Markdown by default, the file with
// --out, the report's JSON with --json; read by a viewer; a hostile note inert
// in the Markdown (no link, tag, table cell or heading comes of it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from '../playbooks/playbook-hub.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });
const HOSTILE = 'vendor says [click](http://evil.example) <img src=x onerror=alert(1)>\n# not a heading | not a cell \u001b[2J\u202e';

let hub: PlaybookHub;
let cli: CliEnv;
let dir: string;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: tokens[who]! });
let runId = '';

beforeAll(async () => {
  hub = await startPlaybookHub([
    playbook('outage-report', [
      { id: 'offline', type: 'set-mode', site: 'JED', mode: 'offline-processing', within: '5m', milestone: true },
      { id: 'agree', type: 'approval', roles: ['supervisor'] },
      { id: 'give', type: 'assign', to: 'omar', onFailure: 'pause' },
      { id: 'lanes', type: 'checklist', items: [bi('lanes offline')] },
      { id: 'online', type: 'set-mode', site: 'JED', mode: 'normal', milestone: true },
    ], { targets: { firstAction: '5m', recovery: '1h' } }),
  ]);
  cli = cliEnv();
  dir = mkdtempSync(join(tmpdir(), 'wf-report-'));
  for (const [name, role] of [['wall', 'viewer'], ['omar', 'officer'], ['sara', 'supervisor']] as const) {
    tokens[name] = (await hub.admin.createToken({ name, role })).secret;
  }
}, 30_000);

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('playbook report', () => {
  it('reports a run still going, and says so at the top', async () => {
    const started = await runCli(['playbook', 'run', 'outage-report', '--yes', '--json'], as('omar'));
    expect(started.code, started.stderr).toBe(7);
    runId = JSON.parse(started.stdout.split('\n')[0]!).run.id;
    await runCli(['playbook', 'note', runId, HOSTILE], as('omar'));
    const r = await runCli(['playbook', 'report', runId], as('wall'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^# After-action report: ${runId.replace('-', '\\\\-')} — outage\\\\-report v1\n\n> \\*\\*Still waiting\\*\\*`));
  });

  it('after it ended: timeline, people and channels, failures retried, lessons, each step against its target', async () => {
    await runCli(['playbook', 'approve', runId], as('sara'));
    await runWhen(hub.admin, runId, 'the failed assign', status('paused'));
    await runCli(['playbook', 'retry', runId, 'give'], as('omar'));
    // Still no incident to assign: skip it after the second failure.
    await runWhen(hub.admin, runId, 'the second failure', (d) => d.steps.find((s) => s.id === 'give')!.attempts.length === 2 && d.run.status === 'paused');
    await runCli(['playbook', 'resume', runId], as('omar'));
    await runWhen(hub.admin, runId, 'the checklist', status('waiting', 'checklist'));
    await runCli(['playbook', 'confirm', runId, '1'], as('omar'));
    await runWhen(hub.admin, runId, 'the end', status('succeeded'));

    const out = join(dir, 'report.md');
    const written = await runCli(['playbook', 'report', runId, '--out', out], as('wall'));
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`after-action report written to ${out}`);
    const md = readFileSync(out, 'utf8');
    expect(md).not.toContain('Still');
    expect(md).toContain('JED switched from normal to offline\\-processing mode');
    expect(md).toMatch(/\| approved agree \| sara \| cli \|/);
    expect(md).toMatch(/\| ticked item 1 of lanes \| omar \| cli \|/);
    expect(md).toMatch(/- \*\*sara\*\* \(cli\): approved agree/);
    expect(md).toMatch(/- .* give attempt 1: no incident to assign.* — tried again/);
    expect(md).toContain('- give took 2 attempts');
    expect(md).toMatch(/\| offline \| set\\-mode ★ \| 5m \| 0s \| 0s \| 1 \| on-time \|/);
    // The hostile note: one line, every Markdown character escaped, no control character left.
    const lesson = md.split('\n').find((l) => l.includes('vendor says'))!;
    expect(lesson).toContain('\\[click\\]\\(http\\:') ;
    expect(lesson).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(lesson).toContain('\\# not a heading \\| not a cell');
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(md.split('\n').filter((l) => l.startsWith('#')).map((l) => l.split(' ')[0])).toEqual(['#', '##', '##', '##', '##', '##']);
  });

  it('--json gives the report\'s shape', async () => {
    const r = await runCli(['playbook', 'report', runId, '--json'], as('wall'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ runId, status: 'succeeded', ended: true, drill: false, clock: { speed: 1 }, retried: [{ stepId: 'give', attempts: 2 }] });
    expect(report.lessons[0].text).toBe(HOSTILE);
    expect(report.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['run', 'step', 'mode', 'approval', 'checklist', 'note']));
    expect(Object.keys(report).sort()).toEqual(
      ['channel', 'clock', 'drill', 'ended', 'endedAt', 'failures', 'firstAction', 'incidentId', 'lessons', 'people', 'playbookId', 'playbookVersion', 'recovery', 'retried', 'runId', 'score', 'siteId', 'startedAt', 'startedBy', 'status', 'steps', 'timeline', 'title'].sort(),
    );
  });

  it('names a run that is not there (exit 4)', async () => {
    const r = await runCli(['playbook', 'report', 'RUN-999999'], as('wall'));
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('no playbook run RUN-999999');
  });
});
