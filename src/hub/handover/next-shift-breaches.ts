// The seam for "predicted breaches for the next shift": the hub's early
// warning (src/hub/forecast: every site predicted to breach its wait target,
// when and how badly) is not on this branch yet. Until it lands a handover
// says so rather than claiming no breach is coming; then this returns its
// warnings for [until, until + the shift's length).
import type { HandoverBreaches } from '../../core/model.js';

export const BREACHES_NOT_YET = 'the hub does not forecast wait breaches yet (early warning: `watchfloor forecast --breaches`)';

export async function nextShiftBreaches(_next: { from: string; until: string }): Promise<HandoverBreaches> {
  return { available: false, note: BREACHES_NOT_YET, breaches: [] };
}
