// Children fold under their parent wherever incidents are listed for a
// person: the watch queue, the incident table, the detail of the parent.
import { describe, expect, it } from 'vitest';
import { foldChildren, pagedOnItsOwn } from '../../src/core/incident-groups.js';
import { renderIncidentDetail, renderIncidentTable } from '../../src/render/incidents.js';
import { incidentJson } from '../../src/render/json.js';
import { queueIncidents } from '../../src/ui/layout.js';
import { incidentRowText } from '../../src/ui/incident-queue.js';
import { INCIDENT_DETAIL, incident } from '../commands/fixtures.js';

const view = { tty: false, color: false, width: 120, lang: 'en' as const, now: new Date('2025-03-01T07:00:00Z') };
const parent = incident(10, { title: 'Suspected cause: RUH/network-link-01', assetId: 'RUH/network-link-01', childCount: 2, parentId: null, grouping: 'cause' });
const child = (n: number) => incident(n, { parentId: parent.id, grouping: 'cause', assetId: `RUH/egate-0${n}` });

describe('grouped incidents for people', () => {
  it('the watch queue shows the parent with its count and folds its children; a site filter shows them', () => {
    const all = [child(1), parent, child(2), incident(3)];
    const queue = queueIncidents(all, [], '');
    expect(queue.map((i) => i.id).sort()).toEqual([parent.id, incident(3).id].sort());
    expect(incidentRowText(parent, 120, view.now, 'en')).toContain('(+2)');
    expect(foldChildren(all).find((g) => g.incident.id === parent.id)!.children.map((c) => c.id)).toEqual([child(1).id, child(2).id]);
    expect(pagedOnItsOwn(child(1))).toBe(false);
    expect(pagedOnItsOwn(parent)).toBe(true);
  });

  it('the table counts a parent\'s children and marks a child; the detail lists the children', () => {
    const table = renderIncidentTable([parent, child(1)], view);
    expect(table).toContain('(+2 grouped)');
    expect(table).toContain(`[under ${parent.id}]`);
    const detail = renderIncidentDetail({ ...INCIDENT_DETAIL, incident: parent, children: [child(1), child(2)] }, view);
    expect(detail).toContain('grouped under it (2)');
    expect(detail).toMatch(new RegExp(`${child(1).id}\\s+RUH\\s+RUH/egate-01\\s+\\S+`));
  });

  it('--json carries parentId, childCount, grouping and flapping', () => {
    expect(incidentJson(child(1))).toMatchObject({ parentId: parent.id, grouping: 'cause' });
    expect(incidentJson({ ...parent, flapping: true })).toMatchObject({ childCount: 2, flapping: true });
  });
});
