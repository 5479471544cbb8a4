// Silences and maintenance windows in the store, and the alerts they kept
// from opening incidents. Whether one is active is not stored: the hub
// computes it from its clock (hub/silences/silence-state.ts).
import type { ActorRef, Silence, SilencedAlert } from '../../core/model.js';

/** A silence as stored: everything but what the reader's clock decides. */
export type SilenceRecord = Omit<Silence, 'state'>;

export type NewSilence = Omit<SilenceRecord, 'id' | 'expiredAt' | 'expiredBy' | 'alertsSilenced'>;

export interface SilenceQuery {
  kind?: Silence['kind'] | undefined;
  /** Only those not ended by `at` (expired by hand or past their end). */
  inForceAt?: string | undefined;
  limit?: number | undefined;
}

export interface SilenceReader {
  /** Newest first. */
  listSilences(query?: SilenceQuery): Promise<SilenceRecord[]>;
  getSilence(id: string): Promise<SilenceRecord | undefined>;
  /** Grows with every change to the silences: a compiled matcher is current while this stays the same. */
  silenceRevision(): Promise<number>;
  /** The alerts a silence kept from opening incidents, newest first. */
  listSilencedAlerts(silenceId: string): Promise<SilencedAlert[]>;
}

export interface SilenceWriter {
  /** Stores a new silence and returns it with its id (SIL-n, or MW-n for a maintenance window). */
  insertSilence(silence: NewSilence): Promise<SilenceRecord>;
  /** Ends it now; false when it had already been expired by hand. */
  expireSilence(id: string, at: string, by: ActorRef): Promise<boolean>;
  /** One row per fingerprint: a new one, or the same alert seen again (its status, last time, count). */
  recordSilencedAlert(alert: Omit<SilencedAlert, 'firstAt' | 'count'>): Promise<void>;
  /** Marks a silenced alert resolved at its source; false when no alert with that fingerprint was silenced. */
  resolveSilencedAlert(fingerprint: string, at: string): Promise<boolean>;
}
