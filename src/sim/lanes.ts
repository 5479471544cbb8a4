// The two ways through passport control and how fast each one moves. The
// fleet sizes equipment with these rates and the queue model uses them, so a
// site is built for the traffic it will see. All rates are estimates.
import type { SiteKind } from '../core/model.js';

/** Travellers an e-gate passes per hour in service (about 24 s a passage). */
export const EGATE_SERVICE_RATE = 150;

/** Self-service transactions a service-centre kiosk completes per hour (about 5 min each). */
export const KIOSK_SERVICE_RATE = 12;

/** Travellers (visitors) one staffed counter serves per hour. */
export const COUNTER_SERVICE_RATE: Record<SiteKind, number> = {
  air: 40, // about 90 s at a manned desk
  land: 90, // a car lane: a car of about three every two minutes
  sea: 40,
  'service-centre': 10, // a transaction of about 6 minutes
  'contact-centre': 10, // an agent's call of about 6 minutes, with the notes after it
};

/**
 * Share of travellers who may use the self-service lane: at airports the
 * citizens, GCC nationals and registered residents who can take an e-gate; at
 * service centres those whose errand a kiosk can do. Land and sea ports in the
 * demo have staffed lanes only.
 */
export const SELF_SERVICE_SHARE: Record<SiteKind, number> = {
  air: 0.45,
  land: 0,
  sea: 0,
  'service-centre': 0.25,
  // The 992 line's AI voice agent answers about half the inquiries without a
  // person (the command centre's published figure, contact-centre.ts).
  'contact-centre': 0.5,
};

/**
 * Calls the AI voice agent answers per hour on one channel (about 4 minutes
 * a call); it has VOICE_AGENT_CHANNELS at once, so it never keeps a caller
 * waiting while it works. Estimates.
 */
export const VOICE_AGENT_CALLS_PER_HOUR = 15;
export const VOICE_AGENT_CHANNELS = 30;

/** Utilisation the fleet is equipped for at the busiest hour. */
export const DESIGN_UTILISATION = 0.7;
