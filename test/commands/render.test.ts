// Pure renderers at fixed widths: tables, fitting, colour, relative times.
import { describe, expect, it } from 'vitest';
import { renderFleetStatus } from '../../src/render/fleet-status.js';
import { fitWidths, renderTable } from '../../src/render/table.js';
import { visibleWidth } from '../../src/render/text-width.js';
import { formatAge } from '../../src/render/time.js';
import { expiryText } from '../../src/render/tokens.js';
import { timeAhead } from '../../src/core/time-span.js';
import { worstFirst } from '../../src/commands/status/order.js';
import { normalizeIncidentId } from '../../src/commands/incidents/incident-id.js';
import { FLEET } from './fixtures.js';
import { NOW } from './fake-deps.js';

const TABLE = {
  columns: [{ header: 'ID' }, { header: 'NAME', flex: true }, { header: 'N', align: 'right' as const }],
  rows: [
    ['RUH', 'King Khalid International Airport', '3'],
    ['JED', 'Jeddah', '12'],
  ],
};

describe('renderTable', () => {
  it('on a terminal: aligned, two spaces between columns, right-aligned numbers', () => {
    expect(renderTable(TABLE, { tty: true, width: 80 })).toBe(
      ['ID   NAME                                N', 'RUH  King Khalid International Airport   3', 'JED  Jeddah                             12'].join('\n'),
    );
  });

  it('shortens flexible columns with … to fit the width', () => {
    const out = renderTable(TABLE, { tty: true, width: 24 });
    expect(out.split('\n').map((l) => l.length)).toEqual([24, 24, 24]);
    expect(out).toContain('King Khalid In…');
  });

  it('piped: tab-separated rows, no header, nothing shortened', () => {
    expect(renderTable(TABLE, { tty: false, width: 10 })).toBe('RUH\tKing Khalid International Airport\t3\nJED\tJeddah\t12');
  });

  it('never shortens below a readable minimum', () => {
    expect(fitWidths(TABLE, 5)).toEqual([3, 6, 2]);
  });
});

describe('visibleWidth', () => {
  it('ignores colour codes and Arabic diacritics', () => {
    expect(visibleWidth('\x1b[31mdown\x1b[39m')).toBe(4);
    expect(visibleWidth('مَطار')).toBe(4);
  });
});

describe('renderFleetStatus', () => {
  it('keeps every line within a 100-column terminal and colours health when asked', () => {
    const view = { tty: true, color: true, width: 100, lang: 'en' as const, now: NOW };
    const out = renderFleetStatus({ ...FLEET, sites: [...FLEET.sites].sort(worstFirst) }, view);
    for (const line of out.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(100);
    expect(out).toContain('\x1b[31m\x1b[1mdown');
  });

  it('adds a MODE column, last, only while some site runs otherwise than normally, and says the fleet’s mode', () => {
    const piped = { tty: false, color: false, width: 100, lang: 'en' as const, now: NOW };
    expect(renderFleetStatus(FLEET, piped).split('\n')[0]!.split('\t')).toHaveLength(11);
    const offline = { ...FLEET, mode: 'offline-processing' as const, sites: FLEET.sites.map((s) => ({ ...s, mode: 'offline-processing' as const })) };
    const rows = renderFleetStatus(offline, piped).split('\n').map((r) => r.split('\t'));
    expect(rows.map((r) => r[11])).toEqual(Array(FLEET.sites.length).fill('offline-processing'));
    const shown = renderFleetStatus(offline, { ...piped, tty: true });
    expect(shown.split('\n')[0]).toMatch(/MODE$/);
    expect(shown).toContain('fleet mode: offline-processing');
  });
});

describe('small parsers', () => {
  it('worst first: down, degraded, then incidents by severity, then wait', () => {
    expect([...FLEET.sites].sort(worstFirst).map((s) => s.id)).toEqual(['LND-KFC', 'RUH', 'JED', 'SC-RIY-01']);
  });

  it('incident ids', () => {
    expect(['42', 'inc-42', 'INC42', 'INC-000042', ' 0042 '].map(normalizeIncidentId)).toEqual(Array(5).fill('INC-000042'));
    expect(() => normalizeIncidentId('42a')).toThrow('not an incident id');
  });

  it('ages', () => {
    expect(formatAge('2025-03-01T06:29:15Z', NOW)).toBe('45s');
    expect(formatAge('2025-02-27T07:30:00Z', NOW)).toBe('47h');
    expect(formatAge('2025-02-27T06:30:00Z', NOW)).toBe('2d');
    expect(formatAge('2025-02-20T06:30:00Z', NOW)).toBe('9d');
  });
});

describe('token expiry', () => {
  const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

  it('tokens list marks an expiry within a week, and one past; never is a dash', () => {
    expect(expiryText(null, NOW, false)).toBe('-');
    expect(expiryText(inDays(30), NOW, false)).toBe(inDays(30));
    expect(expiryText(inDays(3), NOW, false)).toBe(`${inDays(3)} (expires soon)`);
    expect(expiryText(inDays(-1), NOW, false)).toBe(`${inDays(-1)} (expired)`);
    expect(expiryText(inDays(3), NOW, true)).toBe('in 3d (expires soon)');
    expect(expiryText(inDays(-1), NOW, true)).toBe('24h ago (expired)');
  });

  it('--expires reads a span ahead or an ISO time, and nothing else', () => {
    expect(timeAhead('90d', NOW)).toBe(inDays(90));
    expect(timeAhead(' 12h ', NOW)).toBe(new Date(NOW.getTime() + 12 * 3_600_000).toISOString());
    expect(timeAhead('2026-06-01T03:00:00+03:00', NOW)).toBe('2026-06-01T00:00:00.000Z');
    for (const bad of ['soon', '90', '-3d', '3w', '1e9d', 'tomorrow 9am']) expect(timeAhead(bad, NOW)).toBeUndefined();
  });
});
