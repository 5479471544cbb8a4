import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_LABELS, ruleCandidate, ruleProblem } from '../../src/hub/incidents/alert-label-rules.js';
import { mapAlert, type Inventory } from '../../src/hub/incidents/alert-mapping.js';

const inventory: Inventory = {
  siteId: (label) => ({ RUH: 'RUH', JED: 'JED' })[label.toUpperCase()],
  assetId: (id) => ({ 'ruh/egate-01': 'RUH/egate-01', 'ruh/egate-07': 'RUH/egate-07' })[id.toLowerCase()],
};
const NODE_EXPORTER = { label: 'instance', pattern: '^(?<site>[a-z]+)-(?<local>egate-\\d+)\\.border\\.local(:\\d+)?$', id: '{site}/{local}' };

describe('alert-label rules', () => {
  it('reads an id out of a label with named groups, a group named site winning over the routed site', () => {
    expect(ruleCandidate(NODE_EXPORTER, { instance: 'ruh-egate-01.border.local:9100' }, 'JED')).toBe('ruh/egate-01');
    expect(ruleCandidate(NODE_EXPORTER, { instance: '10.0.0.1:9100' })).toBeUndefined();
    expect(ruleCandidate({ label: 'instance', pattern: '^([a-z]+)-' }, { instance: 'ruh-egate-01' })).toBe('ruh');
    expect(ruleCandidate({ label: 'asset', id: '{site}/{value}' }, { asset: 'egate-07' })).toBeUndefined();
    expect(ruleCandidate({ label: 'asset', id: '{site}/{value}' }, { asset: 'egate-07' }, 'RUH')).toBe('RUH/egate-07');
  });

  it('routes by the configured labels, and by the defaults as before', () => {
    const mapping = { site: [{ label: 'instance', pattern: '^([a-z]+)-' }], asset: [NODE_EXPORTER] };
    const alert = { status: 'firing' as const, labels: { instance: 'ruh-egate-01.border.local:9100' }, annotations: {} };
    expect(mapAlert(alert, inventory, mapping)).toMatchObject({ siteId: 'RUH', assetId: 'RUH/egate-01' });
    expect(mapAlert(alert, inventory, DEFAULT_ALERT_LABELS)).toMatchObject({ siteId: null, assetId: null });
  });

  it('says what is wrong with a rule', () => {
    expect(ruleProblem({ label: 'instance', pattern: '([a-z' }, 'asset')?.field).toBe('pattern');
    expect(ruleProblem({ label: 'instance', pattern: '^([a-z]+)-', id: '{2}/{x}' }, 'asset')).toEqual({ field: 'id', message: '{2} is not a group of the pattern; use {value}, {site}, {1}' });
    expect(ruleProblem(NODE_EXPORTER, 'asset')).toBeUndefined();
    expect(ruleProblem({ label: 'site', id: '{site}' }, 'site')?.field).toBe('id');
  });
});
