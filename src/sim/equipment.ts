// What equipment each site has, sized for its busiest hour in its busiest
// season at DESIGN_UTILISATION, within sensible bounds for the kind of site.
import type { Asset, AssetKind, Site } from '../core/model.js';
import { arrivalGroupSize, GROUP_CLEAR_HOURS, peakHourFactor, peakSeasonFactor } from './arrivals.js';
import { COUNTER_SERVICE_RATE, DESIGN_UTILISATION, EGATE_SERVICE_RATE, KIOSK_SERVICE_RATE, SELF_SERVICE_SHARE } from './lanes.js';
import { meanHourlyVolume } from './traffic.js';

export type EquipmentCounts = Partial<Record<AssetKind, number>>;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const serversFor = (travellersPerHour: number, rate: number) => Math.round(travellersPerHour / rate / DESIGN_UTILISATION);

// Fixed posts are estimates: a body camera for about one officer in twelve
// (worn by the shift's floor and secondary-inspection officers), cameras for
// the halls plus one over every lane.
const BODYCAM_PER_STAFF = 1 / 12;

export function equipmentFor(site: Site): EquipmentCounts {
  const peak = meanHourlyVolume(site) * peakHourFactor(site) * peakSeasonFactor(site);
  const selfService = peak * SELF_SERVICE_SHARE[site.kind];
  const staffed = peak - selfService;
  const counterRate = COUNTER_SERVICE_RATE[site.kind];
  // Enough desks to clear one flight's or ferry's staffed share within GROUP_CLEAR_HOURS.
  const forOneGroup = Math.ceil((arrivalGroupSize(site) * (1 - SELF_SERVICE_SHARE[site.kind])) / (counterRate * GROUP_CLEAR_HOURS));
  const bodycams = Math.max(1, Math.ceil(site.staff * BODYCAM_PER_STAFF));
  switch (site.kind) {
    case 'air': {
      const egates = clamp(serversFor(selfService, EGATE_SERVICE_RATE), 2, 60);
      const counters = clamp(Math.max(forOneGroup, serversFor(staffed, counterRate)), 4, 160);
      return {
        egate: egates,
        counter: counters,
        'passport-reader': counters, // one on every desk
        'biometric-kiosk': Math.ceil(counters / 6),
        cctv: 8 + Math.round((egates + counters) / 2),
        bodycam: bodycams,
        'network-link': 2,
        server: 2,
      };
    }
    case 'land':
    case 'sea': {
      const lanes = clamp(Math.max(forOneGroup, serversFor(staffed, counterRate)), 2, site.kind === 'land' ? 100 : 20);
      return {
        counter: lanes,
        'passport-reader': lanes,
        cctv: 6 + lanes,
        bodycam: bodycams,
        'network-link': 2,
      };
    }
    case 'service-centre': {
      const counters = clamp(serversFor(staffed, counterRate), 3, 30);
      return {
        counter: counters,
        kiosk: clamp(serversFor(selfService, KIOSK_SERVICE_RATE), 1, 6),
        cctv: 4 + counters,
        // Governorate offices have a single line; the larger centres a backup.
        'network-link': /Governorate/.test(site.name.en) ? 1 : 2,
      };
    }
    case 'contact-centre': {
      // Agents' desktops are its counters, the AI voice agent its one
      // integration, the telephony platform (IVR and call queue) a server
      // pair, and two voice trunks its links.
      const desktops = clamp(serversFor(staffed, counterRate), 4, 60);
      return { counter: desktops, integration: 1, server: 2, 'network-link': 2 };
    }
  }
}

// What each kind of equipment is at the 992 contact centre.
const CONTACT_CENTRE_LABELS: Partial<Record<AssetKind, string>> = {
  counter: 'Agent desktop',
  integration: 'AI voice agent',
  server: 'Telephony platform (IVR and call queue)',
  'network-link': 'Voice trunk',
};

const LABELS: Record<AssetKind, string> = {
  egate: 'E-gate',
  counter: 'Counter',
  'passport-reader': 'Passport reader',
  'biometric-kiosk': 'Biometric enrolment kiosk',
  kiosk: 'Self-service kiosk',
  cctv: 'CCTV camera',
  bodycam: 'Body camera',
  'network-link': 'Network link',
  server: 'Border control server',
  integration: 'Integration',
};
const LINK_ROLES = ['primary', 'backup'];
const SERVER_NAMES = ['A', 'B'];

function assetName(kind: AssetKind, n: number, number: string, site: Site): string {
  if (site.kind === 'contact-centre') {
    const label = CONTACT_CENTRE_LABELS[kind] ?? LABELS[kind];
    if (kind === 'integration') return label;
    if (kind === 'server') return `${label} ${SERVER_NAMES[n - 1] ?? number}`;
    if (kind === 'network-link') return `${label} ${number} (${LINK_ROLES[n - 1] ?? `extra ${n}`}, SIP)`;
    return `${label} ${number}`;
  }
  if (kind === 'network-link') {
    const role = LINK_ROLES[n - 1] ?? `extra ${n}`;
    const medium = role === 'backup' && (site.kind === 'land' || site.kind === 'sea') ? 'satellite' : role === 'backup' ? 'LTE' : 'fibre';
    return `Network link ${number} (${role}, ${medium})`;
  }
  if (kind === 'server') return `${LABELS.server} ${SERVER_NAMES[n - 1] ?? number}`;
  if (kind === 'counter' && (site.kind === 'land' || site.kind === 'sea')) return `Lane ${number}`;
  return `${LABELS[kind]} ${number}`;
}

/** Ids `<SITE>/<kind>-NN`, numbered from 01 (three digits where a site has 100 or more). */
export function siteAssets(site: Site): Asset[] {
  const assets: Asset[] = [];
  for (const [kind, count] of Object.entries(equipmentFor(site)) as [AssetKind, number][]) {
    const width = Math.max(2, String(count).length);
    for (let n = 1; n <= count; n++) {
      const number = String(n).padStart(width, '0');
      assets.push({
        id: `${site.id}/${kind}-${number}`,
        siteId: site.id,
        kind,
        name: assetName(kind, n, number, site),
        health: 'ok',
        managementUrl: null,
      });
    }
  }
  return assets;
}
