// Which playbooks an incident's facts call for: the match rule the hub
// proposes by, and the runner's auto-run will decide by.
import { describe, expect, it } from 'vitest';
import type { Incident, PlaybookDefinition } from '../../src/core/model.js';
import { catalogOf } from '../../src/hub/playbooks/catalog.js';
import { factsOf, matchingPlaybooks, matchingTrigger } from '../../src/hub/playbooks/triggers.js';

const incident = (over: Partial<Incident> = {}): Pick<Incident, 'severity' | 'state' | 'siteId' | 'assetId' | 'labels'> => ({
  severity: 'sev2',
  state: 'triggered',
  siteId: 'RUH',
  assetId: 'RUH/egate-07',
  labels: { alertname: 'EGateOutOfService', job: 'egate-exporter' },
  ...over,
});
const RUH = { kind: 'air', region: 'Riyadh' };
const EGATE = { kind: 'egate' };

function playbook(id: string, triggers: PlaybookDefinition['triggers'], scope: PlaybookDefinition['scope'] = {}): PlaybookDefinition {
  return {
    id,
    version: 1,
    title: { en: id, ar: id },
    description: { en: id, ar: id },
    severity: 'sev2',
    scope,
    inputs: [],
    triggers,
    auto: false,
    targets: {},
    steps: [{ id: 'look', type: 'diagnose', title: { en: 'look', ar: 'فحص' }, target: '${asset}' }],
  };
}

describe('a trigger matches when every key does', () => {
  const facts = factsOf(incident(), RUH, EGATE);

  it('by exact values, lists of values, labels and alertname', () => {
    expect(matchingTrigger(playbook('a', [{ match: { 'asset.kind': 'egate', severity: ['sev1', 'sev2'] } }]), facts)).toBe(0);
    expect(matchingTrigger(playbook('b', [{ match: { alertname: 'EGateOutOfService', 'labels.job': 'egate-exporter' } }]), facts)).toBe(0);
    expect(matchingTrigger(playbook('c', [{ match: { 'site.kind': 'air', 'site.region': 'Riyadh', state: 'triggered' } }]), facts)).toBe(0);
  });

  it('site and asset ids in any case, as the hub keeps them', () => {
    expect(matchingTrigger(playbook('a', [{ match: { site: 'ruh', asset: 'ruh/EGATE-07' } }]), facts)).toBe(0);
  });

  it('not when one key differs, or names a fact the incident lacks', () => {
    expect(matchingTrigger(playbook('a', [{ match: { 'asset.kind': 'egate', severity: 'sev1' } }]), facts)).toBeUndefined();
    expect(matchingTrigger(playbook('b', [{ match: { 'labels.team': 'gates' } }]), facts)).toBeUndefined();
    const noAsset = factsOf(incident({ assetId: null }), RUH);
    expect(matchingTrigger(playbook('c', [{ match: { 'asset.kind': 'egate' } }]), noAsset)).toBeUndefined();
  });

  it('the first of several triggers that matches is the one named', () => {
    expect(matchingTrigger(playbook('a', [{ match: { severity: 'sev1' } }, { match: { severity: 'sev2' } }, { match: {} }]), facts)).toBe(1);
  });

  it('a playbook with no triggers is never proposed', () => {
    expect(matchingTrigger(playbook('a', []), facts)).toBeUndefined();
  });
});

describe('scope', () => {
  const facts = factsOf(incident(), RUH, EGATE);
  const any = [{ match: { 'asset.kind': 'egate' } }];

  it('a playbook for other kinds of site or other regions is not proposed', () => {
    expect(matchingTrigger(playbook('a', any, { siteKinds: ['land', 'sea'] }), facts)).toBeUndefined();
    expect(matchingTrigger(playbook('b', any, { regions: ['Makkah'] }), facts)).toBeUndefined();
    expect(matchingTrigger(playbook('c', any, { siteKinds: ['air'], regions: ['Riyadh', 'Makkah'] }), facts)).toBe(0);
  });

  it('nor, when it is scoped to sites, for an incident with no site (a national platform)', () => {
    const platform = factsOf(incident({ siteId: null, assetId: 'platform/visa' }), undefined, { kind: 'integration' });
    expect(matchingTrigger(playbook('a', [{ match: { 'asset.kind': 'integration' } }], { siteKinds: ['air'] }), platform)).toBeUndefined();
    expect(matchingTrigger(playbook('b', [{ match: { 'asset.kind': 'integration' } }]), platform)).toBe(0);
  });
});

describe('matching a catalogue', () => {
  it('lists every playbook that matches, by id, with its trigger', () => {
    const catalog = catalogOf([
      { definition: playbook('zulu', [{ match: { severity: 'sev2' } }]), source: 'built-in' },
      { definition: playbook('alpha', [{ match: { severity: 'sev4' } }, { match: { 'asset.kind': 'egate' } }]), source: 'built-in' },
      { definition: playbook('mike', [{ match: { severity: 'sev1' } }]), source: 'built-in' },
    ]);
    const matches = matchingPlaybooks(catalog, factsOf(incident(), RUH, EGATE));
    expect(matches.map((m) => [m.entry.definition.id, m.index])).toEqual([
      ['alpha', 1],
      ['zulu', 0],
    ]);
  });
});
