// The inventory's dependencies between assets as the intake asks about them:
// what an asset depends on, nearest first and transitively (an e-gate on its
// site's link, and through it on what the link needs), and how many depend on
// an asset — the narrower of two shared causes explains a group better.
// Built once per inventory revision (alert-places.ts); ids as the inventory spells them.

export interface DependencyGraph {
  /** Everything `assetId` depends on, nearest first, each once. */
  causesOf(assetId: string): string[];
  /** Every asset that depends on `assetId`, directly or not. */
  dependentsOf(assetId: string): string[];
}

export function dependencyGraph(edges: readonly { asset: string; dependsOn: string }[]): DependencyGraph {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const canonical = new Map<string, string>();
  const key = (id: string) => id.toLowerCase();
  for (const { asset, dependsOn } of edges) {
    canonical.set(key(asset), asset);
    canonical.set(key(dependsOn), dependsOn);
    up.set(key(asset), [...(up.get(key(asset)) ?? []), key(dependsOn)]);
    down.set(key(dependsOn), [...(down.get(key(dependsOn)) ?? []), key(asset)]);
  }
  // Breadth first, so nearer comes first; the inventory refuses cycles, the seen set guards anyway.
  const walk = (from: string, next: Map<string, string[]>): string[] => {
    const seen = new Set<string>([key(from)]);
    const order: string[] = [];
    for (let queue = [key(from)]; queue.length > 0; ) {
      const following: string[] = [];
      for (const id of queue) {
        for (const n of next.get(id) ?? []) {
          if (seen.has(n)) continue;
          seen.add(n);
          order.push(canonical.get(n)!);
          following.push(n);
        }
      }
      queue = following;
    }
    return order;
  };
  const causes = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();
  return {
    causesOf(assetId) {
      let found = causes.get(key(assetId));
      if (!found) causes.set(key(assetId), (found = walk(assetId, up)));
      return found;
    },
    dependentsOf(assetId) {
      let found = dependents.get(key(assetId));
      if (!found) dependents.set(key(assetId), (found = walk(assetId, down)));
      return found;
    },
  };
}
