// What open faults do to a site's capacity: faulted equipment is out of
// service, and a site cut off from its systems (or a national platform down)
// falls back to slower manual checks. Factors are estimates.
import type { SiteKind } from '../core/model.js';
import { VOICE_AGENT_CHANNELS } from './lanes.js';
import { platformAssetId, type PlatformName } from './platforms.js';
import type { SiteModel } from './world.js';

export interface SiteCapacity {
  egatesInService: number;
  kiosksInService: number;
  /** Counters whose workstation and passport reader both work. */
  countersWorking: number;
  /** Multiplier on a counter's service rate (1 = normal). */
  counterSpeed: number;
  /** Calls the AI voice agent can hold at once (a contact centre's self-service lane); 0 elsewhere. */
  voiceAgentChannels: number;
}

interface PlatformImpact {
  /** Gates cannot verify travellers without it. */
  stopsEgates?: boolean;
  /** Counter speed while it is down, by kind of site (missing = unaffected). */
  counterSpeed?: Partial<Record<SiteKind, number>>;
}

const atPorts = (speed: number) => ({ air: speed, land: speed, sea: speed });

const PLATFORM_IMPACT: Record<PlatformName, PlatformImpact> = {
  identity: { stopsEgates: true, counterSpeed: { ...atPorts(0.7), 'service-centre': 0.5 } },
  watchlist: { stopsEgates: true, counterSpeed: atPorts(0.5) }, // every traveller checked by phone
  visa: { counterSpeed: atPorts(0.8) },
  'interpol-sltd': { counterSpeed: atPorts(0.85) },
  'api-pnr': { counterSpeed: { air: 0.9 } },
  residency: { counterSpeed: { ...atPorts(0.95), 'service-centre': 0.5 } },
  traffic: { counterSpeed: { land: 0.9 } }, // vehicle papers checked by hand
  labour: { counterSpeed: { 'service-centre': 0.8 } },
  'hajj-umrah': { counterSpeed: { air: 0.95 } },
  customs: {},
  health: {},
  'civil-aviation': {},
};
const PLATFORM_NAMES = Object.keys(PLATFORM_IMPACT) as PlatformName[];

// Without its network or its servers a site works offline: no gates or
// kiosks, and counters check documents against the last local copy by hand.
const OFFLINE_COUNTER_SPEED = 0.4;

const allDown = (ids: readonly string[], faulted: ReadonlySet<string>) => ids.length > 0 && ids.every((id) => faulted.has(id));

export function siteCapacity(model: SiteModel, faulted: ReadonlySet<string>): SiteCapacity {
  const { equipment, site } = model;
  const working = (ids: readonly string[]) => ids.filter((id) => !faulted.has(id)).length;
  const offline = allDown(equipment['network-link'], faulted) || allDown(equipment.server, faulted);
  const platformsDown = PLATFORM_NAMES.filter((name) => faulted.has(platformAssetId(name))).map((n) => PLATFORM_IMPACT[n]);
  const egatesStopped = offline || platformsDown.some((p) => p.stopsEgates);
  const counterSpeed = platformsDown.reduce((speed, p) => speed * (p.counterSpeed?.[site.kind] ?? 1), offline ? OFFLINE_COUNTER_SPEED : 1);
  const countersWorking = equipment.counter.filter((id, i) => {
    const reader = equipment['passport-reader'][i];
    return !faulted.has(id) && (reader === undefined || !faulted.has(reader));
  }).length;
  // A contact centre without its telephony platform or its trunks takes no calls at all.
  const phonesDown = offline && site.kind === 'contact-centre';
  return {
    egatesInService: egatesStopped ? 0 : working(equipment.egate),
    kiosksInService: offline ? 0 : working(equipment.kiosk),
    countersWorking: phonesDown ? 0 : countersWorking,
    counterSpeed,
    voiceAgentChannels: site.kind === 'contact-centre' && !offline ? working(equipment.integration) * VOICE_AGENT_CHANNELS : 0,
  };
}
