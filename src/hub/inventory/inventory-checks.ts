// What an inventory's schema cannot check: ids given twice, a site or a
// dependency that names nothing, dependencies that go round in a cycle, and
// alert-label rules whose pattern or template cannot work. Each problem is
// placed on the field that has it.
import type { InventoryDocument, PlaybookFileError } from '../../core/model.js';
import { ruleProblem } from '../incidents/alert-label-rules.js';
import type { FieldPath } from '../playbooks/yaml-source.js';

export type Locate = (path: FieldPath, message: string) => PlaybookFileError;

const key = (id: string) => id.toUpperCase();

function duplicates(ids: readonly string[], section: string, locate: Locate): PlaybookFileError[] {
  const first = new Map<string, number>();
  return ids.flatMap((id, i) => {
    const seen = first.get(key(id));
    if (seen === undefined) first.set(key(id), i);
    return seen === undefined ? [] : [locate([section, i, 'id'], `${id} is already ${section}[${seen}]`)];
  });
}

/** Each cycle once, reported on the dependency that closes it. */
function cycles(document: InventoryDocument, locate: Locate): PlaybookFileError[] {
  const assets = document.assets ?? [];
  const index = new Map(assets.map((a, i) => [key(a.id), i]));
  const state = new Map<number, 'visiting' | 'done'>();
  const problems: PlaybookFileError[] = [];
  const visit = (i: number, trail: number[]): void => {
    state.set(i, 'visiting');
    (assets[i]!.dependsOn ?? []).forEach((dep, d) => {
      const j = index.get(key(dep));
      if (j === undefined) return;
      if (state.get(j) === 'visiting') {
        const loop = [...trail.slice(trail.indexOf(j)), i, j].map((k) => assets[k]!.id);
        problems.push(locate(['assets', i, 'dependsOn', d], `a cycle: ${loop.join(' → ')}`));
      } else if (!state.has(j)) visit(j, [...trail, i]);
    });
    state.set(i, 'done');
  };
  assets.forEach((_, i) => state.has(i) || visit(i, []));
  return problems;
}

export function checkInventory(document: InventoryDocument, locate: Locate, hubSites: ReadonlySet<string>): PlaybookFileError[] {
  const problems: PlaybookFileError[] = [];
  const sites = document.sites ? new Set(document.sites.map((s) => key(s.id))) : hubSites;
  const whereSites = document.sites ? 'in the inventory' : 'at the hub (this inventory leaves its sites as they are)';
  if (document.sites) problems.push(...duplicates(document.sites.map((s) => s.id), 'sites', locate));
  if (document.assets) {
    const assets = new Set(document.assets.map((a) => key(a.id)));
    problems.push(...duplicates(document.assets.map((a) => a.id), 'assets', locate));
    document.assets.forEach((a, i) => {
      if (a.site && !sites.has(key(a.site))) problems.push(locate(['assets', i, 'site'], `no site ${a.site} ${whereSites}`));
      (a.dependsOn ?? []).forEach((dep, d) => {
        if (key(dep) === key(a.id)) problems.push(locate(['assets', i, 'dependsOn', d], 'an asset cannot depend on itself'));
        else if (!assets.has(key(dep))) problems.push(locate(['assets', i, 'dependsOn', d], `no asset ${dep} in the inventory`));
      });
    });
    problems.push(...cycles(document, locate));
  }
  for (const kind of ['site', 'asset'] as const) {
    document.alertLabels?.[kind].forEach((rule, i) => {
      const problem = ruleProblem(rule, kind);
      if (problem) problems.push(locate(['alertLabels', kind, i, problem.field], problem.message));
    });
  }
  return problems;
}
