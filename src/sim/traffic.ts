// How many travellers a site puts through passport control in a year. The
// fleet sizes staff and equipment from it and the simulator draws arrivals
// from it, so both see the same site. Figures are from SOURCES.md; where a
// site has no public figure, a kind-based estimate stands in.
import type { Site, SiteKind } from '../core/model.js';

// The 22 regional ("Cluster 2") airports carried 8.6 M in H1 2025, so about
// 17.2 M a year, or 780 k each (SOURCES.md, "Traffic facts").
const REGIONAL_AIRPORT_PASSENGERS = 780_000;
// Land ports carried 65.9 M in 2024; KFC (33 M) and Khafji (7.6 M) leave about
// 25.3 M for the other 11 crossings, about 2.3 M each (SOURCES.md).
const OTHER_LAND_PORT_PASSENGERS = 2_300_000;
// The five sea ports with figures add up to the 2024 national total of
// 912,796, so the others (industrial ports) see almost no passengers: crews
// and the odd charter. An estimate.
const INDUSTRIAL_SEA_PORT_PASSENGERS = 15_000;
// Service centres have visitors, not passengers: an estimate of about 240
// walk-ins on a working day at a district centre, 250 working days a year.
// A region's directorate sees more, a governorate office fewer (tier below).
const SERVICE_CENTRE_VISITS = 60_000;
// The 992 line: about 50,000 inquiries a month, the command centre's
// published figure (see contact-centre.ts).
export const CONTACT_CENTRE_INQUIRIES_PER_YEAR = 50_000 * 12;
const SERVICE_CENTRE_TIER: ReadonlyArray<[RegExp, number]> = [
  [/Directorate/, 2.5],
  [/Governorate/, 0.6],
];

const DEFAULT_ANNUAL: Record<SiteKind, number> = {
  air: REGIONAL_AIRPORT_PASSENGERS,
  land: OTHER_LAND_PORT_PASSENGERS,
  sea: INDUSTRIAL_SEA_PORT_PASSENGERS,
  'service-centre': SERVICE_CENTRE_VISITS,
  'contact-centre': CONTACT_CENTRE_INQUIRIES_PER_YEAR,
};

// Sites whose public figure is null but which are known to be far from the
// kind's default.
const ESTIMATED_ANNUAL: Record<string, number> = {
  // The Hajj terminal handles Hajj and Umrah flights and a few foreign
  // carriers; an estimate, its Hajj peak comes on top (calendar.ts).
  'JED-HAJJ': 6_000_000,
};

// The Yemen crossings other than Al-Wadiah have been mostly closed since 2015
// (SOURCES.md, "Caveats"): a trickle of the default.
const MOSTLY_CLOSED = new Set(['LND-KHADRA', 'LND-ALB', 'LND-TUWAL']);
const MOSTLY_CLOSED_SHARE = 0.05;

// Share of an airport's passengers that are international and so pass
// passport control. 2024: 69 M of 128 M were international (SOURCES.md).
// Assuming regional airports are 15 % international, the four hubs must be
// about 60 % for the national total to come out at 69 M.
const HUB_AIRPORTS = new Set(['RUH', 'JED', 'DMM', 'MED']);
const HUB_INTERNATIONAL_SHARE = 0.6;
const REGIONAL_INTERNATIONAL_SHARE = 0.15;

// Jazan's sea traffic is mostly the domestic Farasan ferry (SOURCES.md); an
// estimate of the part that is international.
const SEA_INTERNATIONAL_SHARE: Record<string, number> = { 'SEA-GIZ': 0.1 };

export type TrafficSite = Pick<Site, 'id' | 'kind' | 'name' | 'annualPassengers'>;

/** Passengers (or visits) a year, the public figure where there is one. */
export function annualPassengers(site: TrafficSite): number {
  if (site.annualPassengers !== null) return site.annualPassengers;
  const base = ESTIMATED_ANNUAL[site.id] ?? DEFAULT_ANNUAL[site.kind] * serviceCentreTier(site);
  return MOSTLY_CLOSED.has(site.id) ? base * MOSTLY_CLOSED_SHARE : base;
}

function serviceCentreTier(site: TrafficSite): number {
  if (site.kind !== 'service-centre') return 1;
  return SERVICE_CENTRE_TIER.find(([pattern]) => pattern.test(site.name.en))?.[1] ?? 1;
}

/** The part of a site's traffic that goes through passport control (or a service centre's counters). */
export function annualPassportVolume(site: TrafficSite): number {
  return annualPassengers(site) * internationalShare(site);
}

function internationalShare(site: TrafficSite): number {
  switch (site.kind) {
    case 'air':
      if (site.id === 'JED-HAJJ') return 1;
      return HUB_AIRPORTS.has(site.id) ? HUB_INTERNATIONAL_SHARE : REGIONAL_INTERNATIONAL_SHARE;
    case 'sea':
      return SEA_INTERNATIONAL_SHARE[site.id] ?? 1;
    case 'land':
    case 'service-centre':
    case 'contact-centre':
      return 1;
  }
}

// Service centres open about 7 hours on 250 working days; ports never close.
export const SERVICE_CENTRE_OPEN_HOURS_PER_YEAR = 250 * 7;
const HOURS_PER_YEAR = 8760;

/** Mean travellers (visitors) per open hour. */
export function meanHourlyVolume(site: TrafficSite): number {
  const openHours = site.kind === 'service-centre' ? SERVICE_CENTRE_OPEN_HOURS_PER_YEAR : HOURS_PER_YEAR;
  return annualPassportVolume(site) / openHours;
}
