// An inventory plan as a person reads it before applying, in the manner of a
// terraform plan: + to add, ~ to change (each field, before → after), - to
// remove, and a count at the end. The same lines piped, without colour.
import type { AlertLabelMapping, ChangedEntry, InventoryApplyResult, InventoryPlan, RemovedEntry } from '../core/model.js';
import { createStyle, type Style } from './style.js';
import type { RenderContext } from './view.js';

const value = (v: unknown) => (v === null || v === undefined ? 'null' : JSON.stringify(v));

function changed(style: Style, kind: string, entries: ChangedEntry[]): string[] {
  return entries.flatMap((e) => [
    `${style.warn('~')} ${kind} ${e.id}`,
    ...e.fields.map((f) => `    ${f.field}: ${value(f.before)} → ${value(f.after)}`),
  ]);
}

function removed(style: Style, kind: string, entries: RemovedEntry[]): string[] {
  const minus = style.health('down', '-');
  return entries.map((e) => `${minus} ${kind} ${e.id}${e.openIncidents.length ? `  ${style.warn(`(open incidents: ${e.openIncidents.join(', ')})`)}` : ''}`);
}

function labelRules(mapping: AlertLabelMapping, kind: 'site' | 'asset'): string {
  return mapping[kind].map((r) => [r.label, r.pattern && `=~ /${r.pattern}/`, r.id && `→ ${r.id}`].filter(Boolean).join(' ')).join('; ') || 'none';
}

/** What a plan adds, changes and removes, counted as terraform counts: dependencies add and remove, the mapping changes. */
export function planCounts(plan: InventoryPlan): { add: number; change: number; remove: number } {
  return {
    add: plan.sites.add.length + plan.assets.add.length + plan.dependencies.add.length,
    change: plan.sites.change.length + plan.assets.change.length + (plan.alertLabels ? 1 : 0),
    remove: plan.sites.remove.length + plan.assets.remove.length + plan.dependencies.remove.length,
  };
}

function planLines(plan: InventoryPlan, style: Style): string[] {
  const plus = style.health('ok', '+');
  const lines = [
    ...plan.sites.add.map((s) => `${plus} site ${s.id}  ${s.name.en} (${s.kind}, ${s.region}, ${s.city})`),
    ...changed(style, 'site', plan.sites.change),
    ...removed(style, 'site', plan.sites.remove),
    ...plan.assets.add.map((a) => `${plus} asset ${a.id}  ${a.kind} "${a.name}" at ${a.siteId ?? 'no site (platform)'}${a.managementUrl ? `, ${a.managementUrl}` : ''}`),
    ...changed(style, 'asset', plan.assets.change),
    ...removed(style, 'asset', plan.assets.remove),
    ...plan.dependencies.add.map((d) => `${plus} dependency ${d.asset} → ${d.dependsOn}`),
    ...plan.dependencies.remove.map((d) => `${style.health('down', '-')} dependency ${d.asset} → ${d.dependsOn}`),
    ...(plan.alertLabels
      ? (['site', 'asset'] as const).flatMap((kind) => {
          const before = labelRules(plan.alertLabels!.before, kind);
          const after = labelRules(plan.alertLabels!.after, kind);
          return before === after ? [] : [`${style.warn('~')} alert labels for the ${kind}`, `    ${before}`, `  → ${after}`];
        })
      : []),
  ];
  if (plan.unmanaged.length) lines.push(style.dim(`Left as they are (not in the files): ${plan.unmanaged.join(', ')}.`));
  return lines;
}

export function renderInventoryPlan(plan: InventoryPlan, view: RenderContext): string {
  if (!plan.changes) return 'No changes: the hub already matches this inventory.\n';
  const style = createStyle(view.color);
  const { add, change, remove } = planCounts(plan);
  return `${[...planLines(plan, style), '', style.bold(`Plan: ${add} to add, ${change} to change, ${remove} to remove.`)].join('\n')}\n`;
}

export function renderInventoryApply(result: InventoryApplyResult, view: RenderContext): string {
  if (!result.applied) return 'No changes: the hub already matches this inventory; nothing applied.\n';
  const style = createStyle(view.color);
  const { add, change, remove } = planCounts(result.plan);
  return `${[...planLines(result.plan, style), '', style.bold(`Applied: ${add} added, ${change} changed, ${remove} removed.`)].join('\n')}\n`;
}
