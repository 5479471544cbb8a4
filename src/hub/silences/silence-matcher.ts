// Which silence, if any, holds an alert: the set compiled once (regular
// expressions built, silences grouped by site) each time it changes, so the
// intake pays a map lookup and a few comparisons per alert, not a query.
// Pure: the caller hands it the silences in force and the alert as the
// intake mapped it (its site and asset ids, its labels).
import type { LabelMatcher } from '../../core/model.js';
import { matcherRegExp } from '../../core/silence-rules.js';
import type { SilenceRecord } from '../store/store.js';
import { endOf } from './silence-state.js';

export interface SilenceTarget {
  siteId: string | null;
  assetId: string | null;
  labels: Record<string, string>;
}

export interface CompiledSilences {
  /** The id of a silence holding `alert` at `at` (ISO-8601), or undefined. */
  silenceFor(alert: SilenceTarget, at: string): string | undefined;
  readonly size: number;
}

interface Compiled {
  id: string;
  startsAt: string;
  endsAt: string;
  assetId: string | null;
  labels: ((labels: Record<string, string>) => boolean)[];
}

/** A matcher as a test of an alert's labels (a missing label is the empty value). Throws UsageError on a bad regex. */
export function labelTest(m: LabelMatcher): (labels: Record<string, string>) => boolean {
  if (m.op === '=') return (labels) => (labels[m.label] ?? '') === m.value;
  const re = matcherRegExp(m.label, m.value);
  return (labels) => re.test(labels[m.label] ?? '');
}

const key = (id: string) => id.toUpperCase();

export function compileSilences(silences: readonly SilenceRecord[]): CompiledSilences {
  // Site-scoped silences (maintenance windows among them) by site; the rest checked for every alert.
  const bySite = new Map<string, Compiled[]>();
  const anywhere: Compiled[] = [];
  for (const s of silences) {
    const compiled: Compiled = {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: endOf(s),
      assetId: s.assetId === null ? null : key(s.assetId),
      // Equalities first: the cheap test that fails most often spares the regular expressions.
      labels: [...s.matchers].sort((a, b) => Number(a.op === '=~') - Number(b.op === '=~')).map(labelTest),
    };
    if (s.siteId === null) anywhere.push(compiled);
    else bySite.set(key(s.siteId), [...(bySite.get(key(s.siteId)) ?? []), compiled]);
  }
  const holds = (c: Compiled, alert: SilenceTarget, assetKey: string | null, at: string) =>
    c.startsAt <= at && at < c.endsAt && (c.assetId === null || c.assetId === assetKey) && c.labels.every((test) => test(alert.labels));
  return {
    size: silences.length,
    silenceFor(alert, at) {
      const assetKey = alert.assetId === null ? null : key(alert.assetId);
      const atSite = alert.siteId === null ? undefined : bySite.get(key(alert.siteId));
      return (atSite?.find((c) => holds(c, alert, assetKey, at)) ?? anywhere.find((c) => holds(c, alert, assetKey, at)))?.id;
    },
  };
}
