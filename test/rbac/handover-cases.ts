// The matrix's cases for shift handovers: an officer or above issues one and
// takes one over, over HTTP, the CLI, chat text and the Accept button alike
// (matrix.ts spreads these in). Whoever takes over is never the issuer: the
// world's admin issues each one a case acts on, and no principal is that person.
import type { Case, Target, World } from './matrix.js';

/** A handover issued by the world's admin: the latest, waiting to be taken over. */
const issued = async (w: World): Promise<Target> => ({ handoverId: (await w.admin.issueHandover({ shift: '1h' })).id, mark: w.unique('handover') });

export const HANDOVER_CASES: readonly Case[] = [
  {
    route: 'POST /v1/handovers',
    name: 'issue a shift handover',
    least: 'officer',
    status: 201,
    arrange: async (w) => ({ mark: w.unique('handover') }),
    http: () => ({ method: 'POST', path: '/v1/handovers', body: { shift: '1h' } }),
    cli: () => ['handover', 'issue', '--shift', '1h'],
    chat: () => 'handover issue --shift 1h',
  },
  {
    route: 'POST /v1/handovers/:id/accept',
    name: 'take over a shift handover',
    least: 'officer',
    status: 200,
    arrange: issued,
    http: (t) => ({ method: 'POST', path: `/v1/handovers/${t.handoverId}/accept`, body: {} }),
    cli: (t) => ['handover', 'accept', t.handoverId!],
    chat: (t) => `handover accept ${t.handoverId}`,
    button: (t) => ({ id: 'handover', value: t.handoverId! }),
  },
];
