// API tokens (never their secrets) as a table. An expiry that is near or
// past is marked, so an admin sees which tokens to renew.
import type { TokenInfo } from '../core/model.js';
import { expiryNear } from '../core/vocabulary.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import { formatTime, formatWhen } from './time.js';
import type { RenderContext } from './view.js';

/** The expiry column: when, and whether it is past or near; '-' for never. */
export function expiryText(expiresAt: string | null, now: Date, tty: boolean): string {
  if (expiresAt === null) return '-';
  const mark = Date.parse(expiresAt) <= now.getTime() ? ' (expired)' : expiryNear(expiresAt, now) ? ' (expires soon)' : '';
  return `${formatWhen(expiresAt, now, tty)}${mark}`;
}

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
        { header: 'EXPIRES' },
      ],
      rows: tokens.map((t) => [
        t.id,
        t.name,
        t.bot ? `${t.role} (bot)` : t.role,
        when(t.createdAt),
        when(t.lastUsedAt),
        when(t.revokedAt),
        expiryText(t.expiresAt, ctx.now, ctx.tty),
      ]),
    },
    { tty: ctx.tty, width: ctx.width, header: createStyle(ctx.color).bold },
  );
}
