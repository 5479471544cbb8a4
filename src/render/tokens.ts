// API tokens (never their secrets) as a table.
import type { TokenInfo } from '../core/model.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';

export function renderTokenTable(tokens: TokenInfo[], ctx: RenderContext): string {
  const when = (iso: string | null) => (iso ? formatTime(iso, ctx.now, ctx.tty) : '-');
  return renderTable(
    {
      columns: [
        { header: 'ID' },
        { header: 'NAME', flex: true },
        { header: 'ROLE' },
        { header: 'CREATED' },
        { header: 'LAST USED' },
        { header: 'REVOKED' },
      ],
      rows: tokens.map((t) => [t.id, t.name, t.bot ? `${t.role} (bot)` : t.role, when(t.createdAt), when(t.lastUsedAt), when(t.revokedAt)]),
    },
    { tty: ctx.tty, width: ctx.width, header: createStyle(ctx.color).bold },
  );
}
