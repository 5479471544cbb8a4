// The 992 contact centre wherever a site is shown: its row in `status` (the
// AI agent's share in a column of its own, last, so piped fields keep their
// places) and the line under the totals, its tile and selected-site line in
// the watch UI, and chat's site facts and fleet reply.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { FleetStatus, SiteStatus } from '../../src/core/model.js';
import { contactCentreLines, siteFlowFacts } from '../../src/bot/facts.js';
import { renderSlack } from '../../src/bot/slack/blocks.js';
import { contactCentreLine } from '../../src/render/contact-centre.js';
import { renderFleetStatus } from '../../src/render/fleet-status.js';
import { renderSiteDetail } from '../../src/render/site-detail.js';
import type { RenderContext } from '../../src/render/view.js';
import { tileText } from '../../src/ui/fleet-wall.js';
import { SelectedSiteLine } from '../../src/ui/selected-site.js';
import { FLEET } from '../commands/fixtures.js';

const CC: SiteStatus = {
  id: 'CC-992',
  name: { en: '992 Contact Centre', ar: 'مركز الاتصال 992' },
  kind: 'contact-centre',
  region: 'Riyadh',
  health: 'ok',
  openIncidents: { sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 },
  waitMinutes: 1.4,
  queueLength: 3,
  arrivalsPerHour: 118.6,
  egates: { inService: 0, total: 0 },
  counters: { open: 8, total: 11 },
  staff: 72,
  reportedAt: '2025-03-01T06:29:00Z',
  mode: 'normal',
  contactCentre: { answeredByAiPerHour: 59, answeredByPeoplePerHour: 52, abandonedPerHour: 7.6, aiShare: 59 / 118.6, abandonedShare: 7.6 / 118.6 },
};
const WITH_CC: FleetStatus = { ...FLEET, sites: [...FLEET.sites, CC], totals: { ...FLEET.totals, sites: 5 } };
const ctx = (over: Partial<RenderContext> = {}): RenderContext => ({ tty: false, color: false, width: 140, lang: 'en', now: new Date('2025-03-01T06:30:00Z'), ...over });

describe('status with the 992 contact centre', () => {
  it('piped: its row like a site’s, the AI agent’s share as a bare share in a last column, "-" for the ports', () => {
    const rows = renderFleetStatus(WITH_CC, ctx()).trimEnd().split('\n');
    expect(rows.at(-1)).toBe('CC-992\t992 Contact Centre\tcontact-centre\tRiyadh\tok\t0\t0\t0\t0\t1.4\t0/0\t0.497');
    expect(rows[0]!.split('\t')).toHaveLength(12);
    expect(rows[0]!.split('\t').at(-1)).toBe('-');
  });

  it('piped without a contact centre: the eleven fields as before', () => {
    expect(renderFleetStatus(FLEET, ctx()).split('\n')[0]!.split('\t')).toHaveLength(11);
  });

  it('on a terminal: an AI column and a line under the totals with inquiries, callers waiting, the AI share and abandonment', () => {
    const out = renderFleetStatus(WITH_CC, ctx({ tty: true }));
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/\sAI$/);
    expect(lines.find((l) => l.startsWith('CC-992'))).toMatch(/\s50%$/);
    expect(out).toContain('992 Contact Centre: 119 inquiries/h · 3 waiting · 50% answered by the AI agent · 6% abandoned');
  });

  it('sites show: the shares on a line of their own under the flow', () => {
    const site = { ...FLEET.sites[0]!, id: 'CC-992', name: CC.name, kind: 'contact-centre' as const, city: 'Riyadh', cityAr: null, lat: 24, lon: 46, neighbour: null, annualPassengers: null, source: null };
    const out = renderSiteDetail({ site: { ...site, staff: 72 }, status: CC, assets: [], incidents: [] }, ctx({ tty: true }));
    expect(out.split('\n')[4]).toBe('50% answered by the AI agent · 6% abandoned');
  });

  it('in Arabic: the line in Arabic words, the site’s Arabic name', () => {
    expect(contactCentreLine(CC, 'ar')).toBe('مركز الاتصال 992: 119 استفسار/ساعة · 3 في الانتظار · 50% أجاب عنها الوكيل الآلي · 6% أُغلقت قبل الرد');
    expect(renderFleetStatus(WITH_CC, ctx({ tty: true, lang: 'ar' }))).toContain('مركز الاتصال 992: 119 استفسار/ساعة');
  });

  it('says "-" for shares while no inquiry has ended, and nothing for a site with no such figures', () => {
    expect(contactCentreLine({ ...CC, contactCentre: { ...CC.contactCentre!, aiShare: null, abandonedShare: null } }, 'en')).toContain('- answered by the AI agent · - abandoned');
    expect(contactCentreLine(FLEET.sites[0]!, 'en')).toBeNull();
  });
});

describe('the watch UI with the 992 contact centre', () => {
  it('tiles show the AI agent’s share: beside the wait when wide, in its place when condensed', () => {
    expect(tileText(CC, 200)).toBe('·CC-992 1m AI50%    ');
    expect(tileText(CC, 80)).toBe('·992 AI50%   ');
    expect(tileText({ ...CC, openIncidents: { ...CC.openIncidents, sev2: 1, total: 1 } }, 200)).toBe('·CC-992 1m AI50% !1 ');
    expect(tileText(CC, 200)).toHaveLength(20);
    expect(tileText(CC, 80)).toHaveLength(13);
  });

  it('the selected-site line says how its inquiries end', () => {
    // ink-testing-library's terminal is 100 columns: the line wraps there, so spaces are compared loosely.
    const frame = render(<SelectedSiteLine site={CC} width={160} />).lastFrame()!.replace(/\s+/g, ' ');
    expect(frame).toContain('CC-992 992 Contact Centre · Riyadh · wait 1 min · queue 3 · 50% answered by the AI agent · 6% abandoned');
  });
});

describe('chat with the 992 contact centre', () => {
  it('a site reply lists the AI agent’s share and abandonment among its facts', () => {
    const facts = siteFlowFacts(CC, 'en');
    expect(facts).toEqual(expect.arrayContaining([{ label: 'answered by the AI agent', value: '50%' }, { label: 'abandoned', value: '6%' }]));
    expect(siteFlowFacts(FLEET.sites[0]!, 'en').map((f) => f.label)).not.toContain('abandoned');
  });

  it('a fleet reply carries the contact centre’s line, escaped for Slack', () => {
    expect(contactCentreLines(WITH_CC, 'en')).toEqual(['992 Contact Centre: 119 inquiries/h · 3 waiting · 50% answered by the AI agent · 6% abandoned']);
    const hostile = { ...WITH_CC, sites: [...FLEET.sites, { ...CC, name: { en: '<!channel> *992*', ar: 'x' } }] };
    const blocks = JSON.stringify(renderSlack({ kind: 'fleet', status: hostile }, 'en').body);
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).toContain('50% answered by the AI agent');
  });
});
