// The intake's one question to silences: is this alert silenced? If so it is
// recorded (one row per fingerprint, visible in `silence list` and
// GET /v1/silences/:id/alerts) and opens no incident, so nothing pages. The
// compiled set is kept per store and rebuilt only when the store's silence
// revision moves (one indexed read a webhook), so another hub's change counts too.
import type { Incident } from '../../core/model.js';
import type { Store, StoreWriter } from '../store/store.js';
import { compileSilences, type CompiledSilences, type SilenceTarget } from './silence-matcher.js';

export interface SilenceCandidate extends SilenceTarget {
  status: 'firing' | 'resolved';
  fingerprint: string;
  title: string;
  severity: string;
}

const compiledByStore = new WeakMap<Store, { revision: number; compiled: CompiledSilences }>();

/** The silences in force, compiled; read again only when they changed. */
export async function currentSilences(store: Store, tx: StoreWriter, at: string): Promise<CompiledSilences> {
  const revision = await tx.silenceRevision();
  const cached = compiledByStore.get(store);
  if (cached?.revision === revision) return cached.compiled;
  const compiled = compileSilences(await tx.listSilences({ inForceAt: at, limit: 100_000 }));
  compiledByStore.set(store, { revision, compiled });
  return compiled;
}

/**
 * Whether a silence took this alert (true: the intake does nothing more with it).
 * Only an alert with no open incident: one that opened before the silence goes
 * on as it was, so its incident still hears the alert resolve.
 */
export async function silencedAlert(tx: StoreWriter, silences: CompiledSilences, alert: SilenceCandidate, open: Incident | undefined, at: string): Promise<boolean> {
  if (open) return false;
  if (alert.status === 'resolved') return tx.resolveSilencedAlert(alert.fingerprint, at);
  if (silences.size === 0) return false;
  const silenceId = silences.silenceFor(alert, at);
  if (!silenceId) return false;
  const { fingerprint, status, title, severity, siteId, assetId, labels } = alert;
  await tx.recordSilencedAlert({ fingerprint, silenceId, status, title, severity, siteId, assetId, labels, lastAt: at });
  return true;
}
