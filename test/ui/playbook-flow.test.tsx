// The `p` flow as pure parts: its reducer (answers that come late for a
// choice or a run left behind are dropped), its keys per phase, which
// playbooks a site's scope takes in, and the pane in Arabic.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { PlaybookRunDetail, RunPlan } from '../../src/core/model.js';
import { scopeCovers } from '../../src/ui/playbook-actions.js';
import { playbookKey, reducePlaybook, type PlaybookFlow } from '../../src/ui/playbook-flow.js';
import { PlaybookPane } from '../../src/ui/playbook-pane.js';

const target = { kind: 'incident' as const, id: 'INC-000042' };
const choices = [
  { id: 'a', title: { en: 'Alpha', ar: 'ألفا' }, severity: 'sev1' as const, proposed: true },
  { id: 'b', title: { en: 'Bravo', ar: 'برافو' }, severity: 'sev2' as const, proposed: false },
];
const plan = (playbookId: string): RunPlan =>
  ({ playbookId, playbookVersion: 1, playbookHash: 'h', title: { en: playbookId, ar: `${playbookId} ع` }, inputs: { counters: 4 }, incidentId: 'INC-000042', siteId: 'RUH', drill: false, steps: [] }) as RunPlan;
const NO_KEY = { upArrow: false, downArrow: false, return: false, escape: false };

describe('the flow reducer', () => {
  it('moves within the list, plans the chosen one, drops a plan for another, and goes back', () => {
    let flow: PlaybookFlow | null = reducePlaybook(null, { type: 'pbOpen', target });
    flow = reducePlaybook(flow, { type: 'pbChoices', choices });
    flow = reducePlaybook(flow, { type: 'pbMove', delta: 1 });
    flow = reducePlaybook(flow, { type: 'pbMove', delta: 1 });
    expect(flow).toMatchObject({ phase: 'choose', index: 1 });
    flow = reducePlaybook(flow, { type: 'pbConfirm' });
    expect(reducePlaybook(flow, { type: 'pbPlan', plan: plan('a') })).toMatchObject({ phase: 'confirm', plan: null });
    flow = reducePlaybook(flow, { type: 'pbPlan', plan: plan('b') });
    expect(flow).toMatchObject({ phase: 'confirm', plan: { playbookId: 'b' } });
    expect(reducePlaybook(flow, { type: 'pbBack' })).toMatchObject({ phase: 'choose', index: 1 });
  });

  it('keeps the run it follows: a late answer for another run is dropped', () => {
    const run = (id: string) => ({ run: { id }, steps: [] }) as unknown as PlaybookRunDetail;
    const following = reducePlaybook({ phase: 'confirm', target, choices, index: 0, plan: plan('a') }, { type: 'pbRun', run: run('RUN-000002') });
    expect(reducePlaybook(following, { type: 'pbRun', run: run('RUN-000001') })).toBe(following);
  });
});

describe('the flow keys', () => {
  it('y starts only once the plan is in, n goes back, Esc closes in every phase', () => {
    const confirming: PlaybookFlow = { phase: 'confirm', target, choices, index: 0, plan: null };
    expect(playbookKey(confirming, 'y', NO_KEY)).toBeUndefined();
    expect(playbookKey({ ...confirming, plan: plan('a') }, 'y', NO_KEY)).toBe('playbookStart');
    expect(playbookKey(confirming, 'n', NO_KEY)).toEqual({ type: 'pbBack' });
    expect(playbookKey({ phase: 'loading', target }, '', { ...NO_KEY, escape: true })).toEqual({ type: 'pbClose' });
    expect(playbookKey({ phase: 'choose', target, choices: [], index: 0 }, '', { ...NO_KEY, return: true })).toBeUndefined();
  });
});

describe('a site in a playbook scope', () => {
  it('needs its kind and its region where the scope names them', () => {
    const ruh = { kind: 'air' as const, region: 'Riyadh' };
    expect(scopeCovers({}, ruh)).toBe(true);
    expect(scopeCovers({ siteKinds: ['air'], regions: ['riyadh'] }, ruh)).toBe(true);
    expect(scopeCovers({ siteKinds: ['sea'] }, ruh)).toBe(false);
    expect(scopeCovers({ regions: ['Makkah'] }, ruh)).toBe(false);
  });
});

describe('the pane in Arabic', () => {
  it('titles and its own words in Arabic, ids as they are', () => {
    const pane = render(<PlaybookPane flow={{ phase: 'choose', target, choices, index: 0 }} width={80} rows={10} lang="ar" />);
    try {
      const frame = pane.lastFrame() ?? '';
      expect(frame).toContain('أدلة الإجراءات لـ INC-000042');
      expect(frame).toContain('ألفا · مقترح (a)');
      expect(frame).toContain('برافو (b)');
    } finally {
      pane.unmount();
    }
  });
});
