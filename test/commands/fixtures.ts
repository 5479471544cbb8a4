// A small fleet in the hub's JSON shapes, for command and renderer tests.
import type { Asset, FleetStatus, Incident, IncidentDetail, Site, SiteDetail, SiteStatus } from '../../src/core/model.js';

const site = (id: string, en: string, ar: string, kind: Site['kind'], region: string, city: string, staff: number, cityAr: string | null = null): Site => ({
  id, name: { en, ar }, kind, region, city, cityAr, lat: 24, lon: 46, neighbour: null, annualPassengers: null, staff, source: null,
});

export const SITES: Site[] = [
  site('RUH', 'King Khalid International Airport', 'مطار الملك خالد الدولي', 'air', 'Riyadh', 'Riyadh', 880, 'الرياض'),
  site('JED', 'King Abdulaziz International Airport', 'مطار الملك عبدالعزيز الدولي', 'air', 'Makkah', 'Jeddah', 1200),
  site('LND-KFC', 'King Fahd Causeway', 'جسر الملك فهد', 'land', 'Eastern Province', 'Khobar', 400),
  site('SC-RIY-01', 'Riyadh Region Passports Directorate', 'إدارة جوازات منطقة الرياض', 'service-centre', 'Riyadh', 'Riyadh', 60),
];

const counts = (sev1: number, sev2: number, sev3: number, sev4: number) => ({ sev1, sev2, sev3, sev4, total: sev1 + sev2 + sev3 + sev4 });

const status = (s: Site, health: SiteStatus['health'], open: ReturnType<typeof counts>, wait: number | null, egates: [number, number]): SiteStatus => ({
  id: s.id, name: s.name, kind: s.kind, region: s.region, health, openIncidents: open, waitMinutes: wait,
  queueLength: wait === null ? null : Math.round(wait * 4), arrivalsPerHour: wait === null ? null : 600,
  egates: { inService: egates[0], total: egates[1] }, counters: { open: 10, total: 20 }, staff: s.staff,
  reportedAt: wait === null ? null : '2025-03-01T06:29:00Z',
  mode: 'normal',
});

// Hub order (by id); the CLI sorts worst first.
export const FLEET: FleetStatus = {
  generatedAt: '2025-03-01T06:30:00.000Z',
  sites: [
    status(SITES[1]!, 'degraded', counts(0, 1, 0, 0), 22.5, [38, 40]),
    status(SITES[2]!, 'down', counts(1, 0, 0, 0), 41, [0, 0]),
    status(SITES[0]!, 'degraded', counts(0, 1, 2, 0), 12, [19, 20]),
    status(SITES[3]!, 'ok', counts(0, 0, 0, 0), null, [0, 0]),
  ],
  mode: 'normal',
  platforms: [
    { id: 'platform/visa', name: 'Visa platform', health: 'ok' },
    { id: 'platform/watchlist', name: 'Watch list', health: 'degraded' },
  ],
  totals: { sites: 4, health: { ok: 1, degraded: 2, down: 1 }, openIncidents: counts(1, 2, 2, 0), staff: 2540 },
};

export const incident = (n: number, over: Partial<Incident> = {}): Incident => ({
  id: `INC-${String(n).padStart(6, '0')}`, title: `E-gate ${n} stopped processing travellers`, severity: 'sev2',
  state: 'triggered', siteId: 'RUH', assetId: `RUH/egate-0${n}`, source: 'alertmanager', fingerprint: `fp${n}`,
  labels: {}, createdAt: '2025-03-01T06:10:00Z', updatedAt: '2025-03-01T06:10:00Z', acknowledgedBy: null,
  acknowledgedAt: null, assignee: null, assigneeId: null, assignedBy: null, assignerAuthority: null, escalations: 0, resolvedBy: null, resolvedAt: null, summary: null, version: 1,
  ...over,
});

export const INCIDENTS: Incident[] = [
  incident(42),
  incident(7, {
    severity: 'sev3', state: 'acknowledged', siteId: 'JED', title: 'CCTV camera 4 lost its stream',
    acknowledgedBy: { id: 'tok_1', name: 'Fatimah' }, acknowledgedAt: '2025-03-01T05:40:00Z', createdAt: '2025-03-01T04:30:00Z',
  }),
];

const asset = (id: string, kind: Asset['kind'], name: string, health: Asset['health']): Asset => ({
  id, siteId: 'RUH', kind, name, health, managementUrl: null,
});

export const RUH_DETAIL: SiteDetail = {
  site: SITES[0]!,
  status: FLEET.sites[2]!,
  assets: [
    asset('RUH/egate-01', 'egate', 'E-gate 01', 'ok'),
    asset('RUH/egate-02', 'egate', 'E-gate 02', 'down'),
    asset('RUH/cctv-01', 'cctv', 'CCTV camera 01', 'ok'),
  ],
  incidents: [INCIDENTS[0]!],
};

export const INCIDENT_DETAIL: IncidentDetail = {
  incident: INCIDENTS[0]!,
  timeline: [
    { id: 1, incidentId: 'INC-000042', at: '2025-03-01T06:10:00Z', kind: 'triggered', actor: { id: 'system', name: 'alertmanager' }, channel: 'api', text: 'EgateDown firing' },
    { id: 2, incidentId: 'INC-000042', at: '2025-03-01T06:20:00Z', kind: 'note', actor: { id: 'tok_2', name: 'Omar' }, channel: 'cli', text: 'vendor called' },
  ],
};
