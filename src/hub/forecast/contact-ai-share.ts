// The 992 contact centre's AI voice agent in the forecast. The line reports
// every inquiry as an arrival, but about half never reach a person: the AI
// agent answers them at once. A queueing model fed every inquiry predicts the
// agents' wait for twice the callers they see, and its staffing advice doubles
// the desks; fitted on that history (site-calibration.ts) it reads the AI
// agent as fast desks instead — and then an AI outage, which sends every
// caller to a person, looks like nothing at all. So the contact centre's
// queue is the person share only: the AI agent's share is forecast per hour
// ahead from the line's own reported shares (the hub's telemetry, never the
// simulator's parameter), by hour of the day, with an interval; what the line
// reports now (an AI agent down shows as its share falling) moves the hours
// ahead from the usual and fades back to it. An hour of history goes into the
// queueing model as its callers for a person and their wait (toPersonQueue);
// an hour ahead as its inquiries times the person share. Other kinds of site
// carry no contact-centre figures: everything here leaves them as they are.
import { contactShares } from '../../core/contact-shares.js';
import type { ContactCentreTelemetry, Site, SiteTelemetry } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { hourOf, hourOfDay, summariseFlowHour, type FlowHour } from '../telemetry/flow-history.js';
import { INTERVAL, quantile } from './arrivals-model.js';

/** How far back the AI agent's share is learnt: four weeks give each hour of the day some 28 hours. */
export const AI_SHARE_HISTORY_HOURS = 28 * 24;
/** Hours of the day with fewer reported hours than this take the share over all hours. */
export const AI_SHARE_MIN_HOURS = 3;
/** Hours ahead over which a departure from the usual share (an outage, a new script) halves: outages are fixed in hours, not minutes. */
export const AI_SHARE_HALF_LIFE_HOURS = 4;
/** The least person share the model divides by (an hour the AI agent answered nearly everyone says little about the agents' wait). */
export const MIN_PERSON_SHARE = 0.05;

/** The AI agent's share of an hour's inquiries (0..1) and its interval (INTERVAL's coverage). */
export interface AiShareHour {
  aiShare: number;
  lower: number;
  upper: number;
}

/** The usual share by hour of the day (UTC; null where too few hours), and over all hours (null with no figures at all). */
export interface AiShareProfile {
  byHourOfDay: readonly (AiShareHour | null)[];
  overall: AiShareHour | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The share of those who reach a person, never below MIN_PERSON_SHARE. */
export const personShare = (aiShare: number): number => Math.max(MIN_PERSON_SHARE, 1 - clamp01(aiShare));

/** The figures' AI share, null when no inquiry ended. */
const shareOf = (figures: ContactCentreTelemetry | null | undefined): number | null => (figures ? contactShares(figures).aiShare : null);

/** Hours' shares into one: the ended-weighted share, the hours' own spread as the interval. */
function summarise(hours: readonly { figures: ContactCentreTelemetry; share: number }[]): AiShareHour {
  let ai = 0;
  let ended = 0;
  for (const { figures: f } of hours) {
    ai += f.answeredByAiPerHour;
    ended += f.answeredByAiPerHour + f.answeredByPeoplePerHour + f.abandonedPerHour;
  }
  const sorted = hours.map((h) => h.share).sort((a, b) => a - b);
  const aiShare = ai / ended;
  return { aiShare, lower: Math.min(aiShare, quantile(sorted, INTERVAL.lower)), upper: Math.max(aiShare, quantile(sorted, INTERVAL.upper)) };
}

/** The line's usual AI share from its hours (any order); hours without contact-centre figures or with nothing ended are left out. */
export function aiShareProfile(history: readonly Pick<FlowHour, 'hour' | 'contactCentre'>[]): AiShareProfile {
  const all: { figures: ContactCentreTelemetry; share: number }[] = [];
  const byHour: (typeof all)[] = Array.from({ length: 24 }, () => []);
  for (const h of history) {
    const share = shareOf(h.contactCentre);
    if (share === null) continue;
    const entry = { figures: h.contactCentre!, share };
    all.push(entry);
    byHour[hourOfDay(h.hour)]!.push(entry);
  }
  return {
    byHourOfDay: byHour.map((hours) => (hours.length >= AI_SHARE_MIN_HOURS ? summarise(hours) : null)),
    overall: all.length > 0 ? summarise(all) : null,
  };
}

/**
 * The share per hour ahead from `firstHour` (hours since the epoch): the
 * usual share at each hour of the day, moved by the latest report's departure
 * from the usual at its hour, halved every AI_SHARE_HALF_LIFE_HOURS. Null when
 * neither the history nor the report says anything: every inquiry is then
 * taken to need a person.
 */
export function aiSharesAhead(profile: AiShareProfile, latest: ContactCentreTelemetry | undefined, firstHour: number, hours: number): AiShareHour[] | null {
  const now = shareOf(latest);
  const fallback = profile.overall ?? (now === null ? null : { aiShare: now, lower: now, upper: now });
  if (!fallback) return null;
  const usual = (hour: number) => profile.byHourOfDay[hourOfDay(hour)] ?? fallback;
  const departure = now === null ? 0 : now - usual(firstHour).aiShare;
  return Array.from({ length: hours }, (_, i) => {
    const u = usual(firstHour + i);
    const shift = departure * 0.5 ** (i / AI_SHARE_HALF_LIFE_HOURS);
    const aiShare = clamp01(u.aiShare + shift);
    return { aiShare, lower: Math.min(aiShare, clamp01(u.lower + shift)), upper: Math.max(aiShare, clamp01(u.upper + shift)) };
  });
}

/**
 * An hour of history as the agents saw it: its callers for a person (the
 * inquiries less the AI agent's share that hour) and their wait (the
 * reported mean over all callers, of whom the AI agent's waited for nobody,
 * over the person share). Hours without contact-centre figures as they are.
 */
export function toPersonQueue<H extends Pick<FlowHour, 'arrivalsPerHour' | 'waitMeanMinutes' | 'contactCentre'>>(h: H): H {
  const share = shareOf(h.contactCentre);
  if (share === null) return h;
  const p = personShare(share);
  return { ...h, arrivalsPerHour: h.arrivalsPerHour * p, waitMeanMinutes: h.waitMeanMinutes / p };
}

const profiles = new WeakMap<StoreReader, Map<string, { hour: number; profile: AiShareProfile }>>();

/** The line's profile from its own history before the current hour, read once per hour of its clock. */
async function siteProfile(store: StoreReader, siteId: string, current: number): Promise<AiShareProfile> {
  let bySite = profiles.get(store);
  if (!bySite) profiles.set(store, (bySite = new Map()));
  const key = siteId.toUpperCase();
  const hit = bySite.get(key);
  if (hit?.hour === current) return hit.profile;
  const rows = await store.listFlowHours({ siteId, fromHour: current - AI_SHARE_HISTORY_HOURS, toHour: current });
  const profile = aiShareProfile(rows.map(summariseFlowHour));
  bySite.set(key, { hour: current, profile });
  return profile;
}

/** The AI agent's share for each hour ahead: as the line's history and its latest report expect it, and as usual (its history alone). */
export interface AiShareOutlook {
  expected: AiShareHour[];
  usual: AiShareHour[];
}

/**
 * The AI agent's share for each hour ahead from the hour of the site's latest
 * report, expected and usual (what a roster drawn up for the line's ordinary
 * demand assumes: an outage is what it cannot foresee); null for a site that
 * is not a contact centre, or a line that has never said how its inquiries ended.
 */
export async function siteAiShares(store: StoreReader, site: Pick<Site, 'id' | 'kind'>, latest: SiteTelemetry, hours: number): Promise<AiShareOutlook | null> {
  if (site.kind !== 'contact-centre') return null;
  const first = hourOf(new Date(latest.at));
  const profile = await siteProfile(store, site.id, first);
  const expected = aiSharesAhead(profile, latest.contactCentre, first, hours);
  return expected && { expected, usual: aiSharesAhead(profile, undefined, first, hours) ?? expected };
}
