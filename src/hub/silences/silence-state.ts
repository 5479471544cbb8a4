// Whether a silence holds at a time: computed from the clock when read, never
// stored, so a silence expires by itself with no job to run (and no hub that
// must be up at the minute it ends).
import type { Silence, SilenceState } from '../../core/model.js';
import type { SilenceRecord } from '../store/store.js';

/** When it stops holding: its end, or when someone expired it, whichever came first. */
export const endOf = (s: Pick<SilenceRecord, 'endsAt' | 'expiredAt'>): string =>
  s.expiredAt !== null && s.expiredAt < s.endsAt ? s.expiredAt : s.endsAt;

export function silenceState(s: SilenceRecord, at: string): SilenceState {
  if (endOf(s) <= at) return 'expired';
  return s.startsAt > at ? 'pending' : 'active';
}

export const withState = (s: SilenceRecord, at: string): Silence => ({ ...s, state: silenceState(s, at) });
