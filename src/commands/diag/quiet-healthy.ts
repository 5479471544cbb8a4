// `diag run SITE` for a person: a site has dozens of assets and most are
// healthy, so their probe lines would bury the few that are not. Each asset's
// lines are held until its verdict; a healthy asset's are dropped (the summary
// counts it), any other asset's are passed on in order. Errors pass at once.
import type { DiagEvent } from '../../core/model.js';

export function quietHealthy(emit: (event: DiagEvent) => void): (event: DiagEvent) => void {
  const held = new Map<string, DiagEvent[]>();
  return (event) => {
    const asset = event.assetId;
    if (event.type === 'error' || asset === null) {
      emit(event);
      return;
    }
    const lines = held.get(asset) ?? [];
    lines.push(event);
    if (event.type !== 'verdict') {
      held.set(asset, lines);
      return;
    }
    held.delete(asset);
    if (event.verdict !== 'healthy') lines.forEach(emit);
  };
}
