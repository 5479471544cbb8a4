// The runner end to end on a real hub: a run of several step types goes
// through, each attempt in the journal with its timings and actor, and the
// device acted once with the step's key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksOf } from '../diagnostics/diag-hub.js';
import { clears } from '../diagnostics/fake-fleet.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

let hub: PlaybookHub;

beforeAll(async () => {
  hub = await startPlaybookHub([
    playbook('gate-fix', [
      { id: 'fix', type: 'remediate', target: '${site}/egate-01', action: 'restart-service' },
      { id: 'tell', type: 'notify', channel: '#ops', message: { en: 'fixed ${site}', ar: 'تم ${site}' } },
      { id: 'mode', type: 'set-mode', site: '${site}', mode: 'surge' },
      { id: 'back', type: 'set-mode', site: '${site}', mode: 'normal' },
    ]),
  ]);
  hub.fleet.add('RUH/egate-01', checksOf('egate', { service: 'fail' }), { 'restart-service': clears('service') });
});

afterAll(async () => hub?.stop());

describe('a run', () => {
  it('goes through its steps, the device acting once with the step attempt’s key', async () => {
    const officer = await hub.as('officer', 'omar');
    const started = await officer.startRun({ playbook: 'gate-fix', site: 'ruh' });
    expect(started.run.siteId).toBe('RUH');
    const done = await runWhen(officer, started.run.id, 'the run to succeed', status('succeeded'));
    expect(done.steps.map((s) => [s.id, s.status])).toEqual([
      ['fix', 'done'],
      ['tell', 'done'],
      ['mode', 'done'],
      ['back', 'done'],
    ]);
    const fix = done.steps[0]!.attempts[0]!;
    expect(fix.idempotencyKey).toMatch(/^wf-pb-1-/);
    expect(fix.actor.name).toBe('omar');
    expect(fix.output).toMatchObject({ status: 'done', replayed: false });
    expect(fix.runnerMs).toBeGreaterThan(0);
    expect(hub.fleet.device('RUH/egate-01').performed.get('restart-service')).toBe(1);
    expect(done.notifications).toMatchObject([{ channel: '#ops', message: { en: 'fixed RUH' } }]);
    expect(done.run.endedAt).not.toBeNull();
  });
});
