// Every built-in playbook as a drill on the demo fleet, the way a team runs
// one: `hub start --demo --seed 7` as a child process, `playbook validate
// playbooks/`, then each playbook started with `playbook run ID --drill` from
// the built CLI, people acting where a step needs one — an officer ticks
// checklists, supervisors approve (two, neither the starter, for a
// two-person step) — each through the CLI, until every drill succeeded and
// `drill show` prints its score. The national-platform drill runs first and
// alone: while it holds, `status --json` shows every site in offline
// processing, and every site back to normal once it ends. The demo world runs
// at 60× (a real second is a minute), so the drills' 10- and 15-minute faults
// pass in seconds; the CLI is polled for nothing — the test reads runs over
// the API and waits with waitUntil.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { FleetStatus, PlaybookRunDetail } from '../../src/core/model.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startDemoHubProcess, type DemoHubProcess } from '../helpers/demo-hub-process.js';
import { waitUntil } from '../helpers/wait-until.js';

const BUILT_INS = join(import.meta.dirname, '..', '..', 'playbooks');
const SPEED = 60;

let cli: CliEnv;
let hub: DemoHubProcess;
let reader: CoreClient;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: tokens[who]! });

beforeAll(async () => {
  cli = cliEnv();
  hub = await startDemoHubProcess(cli, { seed: 7, speed: SPEED });
  const admin = new CoreClient({ hubUrl: hub.url, token: hub.profileToken });
  for (const [name, role] of [['omar', 'officer'], ['sara', 'supervisor'], ['layla', 'supervisor'], ['wall', 'viewer']] as const) {
    tokens[name] = (await admin.createToken({ name, role })).secret;
  }
  await admin.close();
  reader = new CoreClient({ hubUrl: hub.url, token: tokens.wall });
}, 60_000);

afterAll(async () => {
  await reader?.close();
  await hub?.stop();
  cli?.cleanup();
});

async function cliOk(args: string[], who: string): Promise<string> {
  const r = await runCli(args, as(who));
  expect(r.code, `watchfloor ${args.join(' ')} as ${who}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** What a person does for the step the run waits on: tick every item of a checklist, approve (twice for two people). */
async function act(detail: PlaybookRunDetail, approvedBy: Map<string, Set<string>>): Promise<void> {
  const { run } = detail;
  const step = detail.definition.steps.find((s) => s.id === run.currentStep)!;
  if (run.waitingOn === 'checklist' && step.type === 'checklist') {
    await cliOk(['playbook', 'confirm', run.id, ...step.items.map((_, n) => String(n + 1))], 'omar');
  } else if (run.waitingOn === 'approval') {
    const key = `${run.id}/${step.id}`;
    const done = approvedBy.get(key) ?? new Set<string>();
    approvedBy.set(key, done);
    const next = ['sara', 'layla'].find((p) => !done.has(p));
    if (!next) return;
    done.add(next);
    await cliOk(['playbook', 'approve', run.id], next);
  }
}

/** Starts a drill from the CLI and acts for it until it ends; `during` sees each state on the way. */
async function drill(id: string, during: (d: PlaybookRunDetail) => Promise<void> = async () => {}): Promise<PlaybookRunDetail> {
  // `run` follows the drill until a person is needed: past a whole site's diagnosis, which takes real seconds.
  const started = await runCli(['playbook', 'run', id, '--drill', '--yes', '--json'], as('omar'), 100_000);
  // 0: it ran to the end at once; 7: it waits for a person.
  expect([0, 7], started.stderr).toContain(started.code);
  const runId = (JSON.parse(started.stdout.split('\n')[0]!) as { run: { id: string } }).run.id;
  const approvedBy = new Map<string, Set<string>>();
  let last: PlaybookRunDetail | undefined;
  return waitUntil(
    async () => {
      last = await reader.getRun(runId);
      await during(last);
      if (last.run.status === 'paused' || last.run.status === 'failed' || last.run.status === 'aborted') {
        throw new Error(`${id} drill ${last.run.status} at ${last.run.currentStep}: ${last.run.reason}`);
      }
      if (last.run.status === 'succeeded') return last;
      if (last.run.status === 'waiting' && (last.run.waitingOn === 'checklist' || last.run.waitingOn === 'approval')) await act(last, approvedBy);
      return undefined;
    },
    { what: `the ${id} drill to succeed`, timeoutMs: 90_000, intervalMs: 200, describe: () => (last ? `${last.run.status} at ${last.run.currentStep}: ${last.run.reason ?? ''}` : 'no answer') },
  );
}

async function fleetModes(): Promise<Set<string>> {
  const status = JSON.parse(await cliOk(['status', '--json'], 'wall')) as FleetStatus;
  expect(status.sites).toHaveLength(104);
  return new Set(status.sites.map((s) => s.mode));
}

async function scorecardPrinted(runId: string): Promise<string> {
  const text = await cliOk(['drill', 'show', runId], 'wall');
  expect(text).toMatch(/^score: \d+% \(\d+ of \d+ targets met\)/m);
  expect(text).toContain('clock: demo world ×60');
  return text;
}

describe('every built-in playbook as a drill on the demo fleet (--seed 7)', () => {
  it('passes `playbook validate playbooks/`', async () => {
    const out = JSON.parse(await cliOk(['playbook', 'validate', BUILT_INS, '--json'], 'wall')) as { playbooks: { id: string }[]; errors: unknown[] };
    expect(out.errors).toEqual([]);
    expect(out.playbooks.map((p) => p.id).sort()).toEqual([
      'egate-bank-failure', 'hajj-umrah-surge', 'land-link-failover', 'national-platform-outage', 'network-intrusion', 'sea-port-power-failure', 'terminal-evacuation',
    ]);
  });

  it('national-platform-outage: every site offline while it holds, every site normal after, scored', async () => {
    let sawOffline = false;
    const done = await drill('national-platform-outage', async (d) => {
      if (sawOffline || d.run.currentStep !== 'wait-for-platform' || d.run.status !== 'waiting') return;
      expect([...(await fleetModes())]).toEqual(['offline-processing']);
      sawOffline = true;
    });
    expect(sawOffline).toBe(true);
    expect([...(await fleetModes())]).toEqual(['normal']);
    expect(done.steps.find((s) => s.id === 'fleet-offline')!.status).toBe('done');
    await scorecardPrinted(done.run.id);
  }, 90_000);

  it('the other six, at once, each succeeded with its score printed', async () => {
    const ids = ['egate-bank-failure', 'hajj-umrah-surge', 'land-link-failover', 'network-intrusion', 'sea-port-power-failure', 'terminal-evacuation'];
    const runs = await Promise.all(ids.map((id) => drill(id)));
    for (const run of runs) expect(run.run).toMatchObject({ status: 'succeeded', drill: true, drillSpeed: SPEED });
    // The two-person step was approved by two people, neither of them the starter.
    const intrusion = runs[ids.indexOf('network-intrusion')]!;
    const people = intrusion.approvals.filter((a) => a.stepId === 'approve-isolation').map((a) => a.actor.name).sort();
    expect(people).toEqual(['layla', 'sara']);
    for (const run of runs) await scorecardPrinted(run.run.id);
    const listed = JSON.parse(await cliOk(['drill', 'list', '--json'], 'wall')) as { drills: { runId: string; score: number | null }[] };
    expect(listed.drills).toHaveLength(7);
    expect(listed.drills.every((d) => d.score !== null)).toBe(true);
  }, 180_000);
});
