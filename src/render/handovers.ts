// Shift handovers as a table, a line and --json: the list (who handed over
// when, who took over, how much is open) and one handover's document. The
// whole handover as Markdown is handover-markdown.ts's.
import type { Handover, HandoverSummary } from '../core/model.js';
import { pick } from './pick.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';

export const HANDOVER_SUMMARY_FIELDS = [
  'id', 'issuedAt', 'issuedBy', 'shift', 'hash', 'openItems', 'carriedOver', 'acceptedAt', 'acceptedBy',
] as const satisfies readonly (keyof HandoverSummary)[];

export const HANDOVER_FIELDS = [
  'id', 'issuedAt', 'issuedBy', 'issuedChannel', 'hash', 'content', 'acceptedAt', 'acceptedBy', 'acceptedChannel',
] as const satisfies readonly (keyof Handover)[];

export const handoverSummaryJson = (h: HandoverSummary) => pick(h, HANDOVER_SUMMARY_FIELDS);
export const handoverJson = (h: Handover) => pick(h, HANDOVER_FIELDS);

export function renderHandoverTable(handovers: readonly HandoverSummary[], ctx: RenderContext): string {
  const when = (iso: string) => formatTime(iso, ctx.now, ctx.tty);
  const style = createStyle(ctx.color);
  return renderTable(
    {
      columns: [{ header: 'ID' }, { header: 'ISSUED' }, { header: 'BY' }, { header: 'OPEN' }, { header: 'CARRIED' }, { header: 'ACCEPTED BY', flex: true }],
      rows: handovers.map((h) => [
        h.id,
        when(h.issuedAt),
        h.issuedBy.name,
        String(h.openItems),
        String(h.carriedOver),
        h.acceptedBy ? `${h.acceptedBy.name} (${when(h.acceptedAt!)})` : style.warn('waiting'),
      ]),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

/** One line on who took over what. */
export function acceptedLine(h: Handover): string {
  const open = h.content.openItems.length;
  return `${h.id} accepted by ${h.acceptedBy?.name ?? '?'} at ${h.acceptedAt ?? '?'}: the watch passes from ${h.issuedBy.name}, ${open} open item${open === 1 ? '' : 's'} taken over`;
}
