// The emulator's ground truth for people: the faults present now, one drill's
// outcome, and the fault mix.
import type { FaultMix, GroundTruthFault } from '../core/model/emulator-control.js';
import { pick } from './json.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import { formatAge } from './time.js';
import type { RenderContext } from './view.js';
import { countOf } from './plural.js';

// The --json shape of a fault (docs/json.md), an explicit field list as every shape in json.ts.
export const GROUND_TRUTH_FIELDS = [
  'id', 'assetId', 'siteId', 'assetKind', 'fault', 'hardware', 'field', 'remedy', 'mitigated', 'since', 'source',
] as const satisfies readonly (keyof GroundTruthFault)[];

export const groundTruthJson = (f: GroundTruthFault) => pick(f, GROUND_TRUTH_FIELDS);

/** What a fault needs: a remote fix, a remote mitigation, or a visit (and why). */
export function faultNeeds(f: Pick<GroundTruthFault, 'hardware' | 'field' | 'remedy'>): string {
  if (f.hardware) return 'visit (hardware)';
  if (f.field) return 'visit (field)';
  return f.remedy === 'mitigate' ? 'mitigation' : f.remedy === 'fix' ? 'remote fix' : 'visit';
}

export function renderGroundTruth(faults: readonly GroundTruthFault[], ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const rows = faults.map((f) => [
    f.assetId,
    f.assetKind,
    f.fault,
    f.hardware || f.field ? style.warn(faultNeeds(f)) : faultNeeds(f),
    f.mitigated ? 'yes' : 'no',
    f.source,
    ctx.tty ? formatAge(f.since, ctx.now) : f.since,
  ]);
  const table = renderTable(
    {
      columns: [
        // Ids stay whole: they are what a person copies into the next command.
        { header: 'ASSET' },
        { header: 'KIND' },
        { header: 'FAULT', flex: true },
        { header: 'NEEDS', flex: true },
        { header: 'MITIGATED' },
        { header: 'SOURCE', flex: true },
        { header: 'SINCE', align: 'right' },
      ],
      rows,
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
  if (!ctx.tty) return table;
  const visits = faults.filter((f) => f.hardware || f.field).length;
  return `${table}\n\n${countOf(faults.length, 'fault')}, ${visits} needing a visit`;
}

export function describeInjected(f: GroundTruthFault): string {
  return `injected ${f.fault} into ${f.assetId} (${f.id}; needs ${faultNeeds(f)})`;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function renderFaultMix(mix: FaultMix, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const rows = mix.faultKinds.map((k) => [
    k.assetKind,
    k.fault,
    faultNeeds(k),
    k.fixedBy.length ? k.fixedBy.join(', ') : '-',
    String(k.weight),
    percent(k.share),
  ]);
  const table = renderTable(
    {
      columns: [
        { header: 'ASSET KIND' },
        { header: 'FAULT' },
        { header: 'NEEDS' },
        { header: 'FIXED BY', flex: true },
        { header: 'WEIGHT', align: 'right' },
        { header: 'SHARE', align: 'right' },
      ],
      rows,
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
  return ctx.tty ? `${table}\n\nhandled remotely: ${percent(mix.remotelyHandledShare)} of the fleet's faults` : table;
}
