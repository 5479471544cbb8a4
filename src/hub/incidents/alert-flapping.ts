// Flapping: an alert that fires and resolves again and again is one incident
// that stays open, not a new incident each time. Pure: the alert's recent
// transitions (kept on its incident, carried to the next one of the same
// fingerprint) in, whether it flaps out.

export interface FlapRules {
  /** Transitions (firing→resolved or back) within the window that make an alert flapping. */
  transitions: number;
  windowMs: number;
}

export interface FlapHistory {
  /** When the alert's status changed, oldest first, within the window. */
  times: string[];
  last: 'firing' | 'resolved';
}

export function readFlap(json: string | null): FlapHistory | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as FlapHistory;
    return Array.isArray(v.times) && (v.last === 'firing' || v.last === 'resolved') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The history after the alert arrived with `status` at `at`; unchanged (same object) when the status did not change. */
export function recordTransition(history: FlapHistory | undefined, status: 'firing' | 'resolved', at: string, rules: FlapRules): FlapHistory {
  if (history && history.last === status) return history;
  const since = Date.parse(at) - rules.windowMs;
  return { times: [...(history?.times ?? []).filter((t) => Date.parse(t) >= since), at], last: status };
}

export function isFlapping(history: FlapHistory | undefined, at: string, rules: FlapRules): boolean {
  if (!history) return false;
  const since = Date.parse(at) - rules.windowMs;
  return history.times.filter((t) => Date.parse(t) >= since).length >= rules.transitions;
}
