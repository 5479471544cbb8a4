// Audit log entries as a table.
import type { AuditEntry } from '../core/model.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import type { RenderContext } from './view.js';

export function renderAuditTable(entries: AuditEntry[], ctx: RenderContext): string {
  return renderTable(
    {
      columns: [
        { header: 'SEQ', align: 'right' },
        { header: 'AT' },
        { header: 'ACTOR', flex: true },
        { header: 'CHANNEL' },
        { header: 'ACTION' },
        { header: 'TARGET', flex: true },
      ],
      // Audit times stay exact even on a terminal: this is evidence, not a glance.
      rows: entries.map((e) => [String(e.seq), e.at, e.actor.name, e.channel, e.action, e.target ?? '-']),
    },
    { tty: ctx.tty, width: ctx.width, header: createStyle(ctx.color).bold },
  );
}
