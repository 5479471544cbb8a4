// Which remediation to try next, given what is still wrong and what was
// already tried. Pure. Least disruptive first; a finding nothing remote can
// help (a failed part, a cut line, a device we cannot see) means dispatch.
import type { Remediation } from './catalog/types.js';
import type { Diagnosis } from './findings.js';

export const remediationKey = (r: Remediation) => `${r.action}${Object.keys(r.params).length ? `:${JSON.stringify(r.params)}` : ''}`;

/** Findings no remote action can clear: their presence makes a full fix impossible. */
export const needsFieldVisit = (diagnoses: readonly Diagnosis[]) =>
  diagnoses.filter((d) => !d.finding.mitigated && d.remediations.length === 0);

/** The remediations still worth trying, in order; empty when none is left. */
export function remainingRemediations(diagnoses: readonly Diagnosis[], tried: ReadonlySet<string>): Remediation[] {
  if (needsFieldVisit(diagnoses).length > 0) return [];
  const seen = new Set<string>();
  const candidates: { remediation: Remediation; order: number }[] = [];
  for (const d of diagnoses) {
    d.remediations.forEach((remediation, position) => {
      const key = remediationKey(remediation);
      if (tried.has(key) || seen.has(key)) return;
      seen.add(key);
      // Each finding's own order first, then the gentle before the disruptive across findings.
      candidates.push({ remediation, order: (remediation.disruptive ? 1000 : 0) + position });
    });
  }
  return candidates.sort((a, b) => a.order - b.order).map((c) => c.remediation);
}
