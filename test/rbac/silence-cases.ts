// The matrix's cases for silences and maintenance windows: an officer may
// silence and expire a silence, only a supervisor may schedule or cancel a
// window, over HTTP, the CLI and chat alike (matrix.ts spreads these in).
import type { Case, Target, World } from './matrix.js';

const hourFromNow = () => new Date(Date.now() + 3_600_000).toISOString();

/** A silence (or window) made by the world's admin, to be ended by the call. */
const existing = (kind: 'silence' | 'maintenance') => async (w: World): Promise<Target> => {
  const mark = w.unique(kind);
  const made =
    kind === 'silence'
      ? await w.admin.addSilence({ siteId: 'RUH', for: '1h', reason: mark })
      : await w.admin.addMaintenance({ siteId: 'RUH', from: new Date().toISOString(), until: hourFromNow(), reason: mark });
  return { silenceId: made.id, mark };
};

export const SILENCE_CASES: readonly Case[] = [
  {
    route: 'POST /v1/silences',
    name: 'silence a site for an hour',
    least: 'officer',
    status: 201,
    arrange: async (w) => ({ mark: w.unique('silence') }),
    http: (t) => ({ method: 'POST', path: '/v1/silences', body: { siteId: 'RUH', for: '1h', reason: t.mark } }),
    cli: (t) => ['silence', 'add', '--site', 'RUH', '--for', '1h', '--reason', t.mark],
    chat: (t) => `silence add --site RUH --for 1h --reason ${t.mark}`,
  },
  {
    route: 'POST /v1/silences/:id/expire',
    name: 'expire a silence',
    least: 'officer',
    status: 200,
    arrange: existing('silence'),
    http: (t) => ({ method: 'POST', path: `/v1/silences/${t.silenceId}/expire` }),
    cli: (t) => ['silence', 'expire', t.silenceId!],
    chat: (t) => `silence expire ${t.silenceId}`,
  },
  {
    route: 'POST /v1/maintenance',
    name: 'schedule a maintenance window',
    least: 'supervisor',
    status: 201,
    arrange: async (w) => ({ mark: w.unique('window') }),
    http: (t) => ({ method: 'POST', path: '/v1/maintenance', body: { siteId: 'RUH', from: new Date().toISOString(), until: hourFromNow(), reason: t.mark } }),
    cli: (t) => ['maintenance', 'add', '--site', 'RUH', '--from', new Date().toISOString(), '--until', hourFromNow(), '--reason', t.mark],
    chat: (t) => `maintenance add --site RUH --from ${new Date().toISOString()} --until ${hourFromNow()} --reason ${t.mark}`,
  },
  {
    route: 'POST /v1/maintenance/:id/cancel',
    name: 'cancel a maintenance window',
    least: 'supervisor',
    status: 200,
    arrange: existing('maintenance'),
    http: (t) => ({ method: 'POST', path: `/v1/maintenance/${t.silenceId}/cancel` }),
    cli: (t) => ['maintenance', 'cancel', t.silenceId!],
    chat: (t) => `maintenance cancel ${t.silenceId}`,
  },
];
