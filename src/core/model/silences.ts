// Silences and maintenance windows: what keeps matching alerts from opening
// incidents and paging anyone for a bounded time, each with its reason and
// who set it. One shape for both: a maintenance window is a silence of a
// whole site that starts at a time given ahead.
import { z } from 'zod';
import { ActorRef } from './actors.js';

export const SILENCE_KINDS = ['silence', 'maintenance'] as const;
export type SilenceKind = (typeof SILENCE_KINDS)[number];

/** pending: a window not begun; active: alerts it matches are silenced now; expired: ended by its time or by hand. */
export const SILENCE_STATES = ['pending', 'active', 'expired'] as const;
export type SilenceState = (typeof SILENCE_STATES)[number];

/** A label matcher as Alertmanager writes them: `=` equality, `=~` a regular expression anchored at both ends. */
export const LabelMatcher = z
  .object({
    label: z.string().min(1).max(100).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a label name'),
    op: z.enum(['=', '=~']),
    value: z.string().max(500),
  })
  .strict();
export type LabelMatcher = z.infer<typeof LabelMatcher>;

export interface Silence {
  id: string;
  kind: SilenceKind;
  /** Each set matcher must hold for an alert to be silenced (as the intake maps the alert: the site and asset ids). */
  siteId: string | null;
  assetId: string | null;
  matchers: LabelMatcher[];
  startsAt: string;
  /** When it ends by itself; a silence expired by hand ends at its expiredAt instead. */
  endsAt: string;
  reason: string;
  createdAt: string;
  createdBy: ActorRef;
  /** Set when someone expired (or cancelled) it before its end. */
  expiredAt: string | null;
  expiredBy: ActorRef | null;
  /** The drill run that silenced what it injects, if one did. */
  drillRunId: string | null;
  /** Computed from the hub's clock when read. */
  state: SilenceState;
  /** How many distinct alerts it has kept from opening an incident. */
  alertsSilenced: number;
}

/** An alert a silence kept from opening an incident: recorded, visible, paging nobody. */
export interface SilencedAlert {
  fingerprint: string;
  silenceId: string;
  status: 'firing' | 'resolved';
  title: string;
  severity: string;
  siteId: string | null;
  assetId: string | null;
  labels: Record<string, string>;
  firstAt: string;
  lastAt: string;
  /** How many notifications of it arrived while silenced. */
  count: number;
}

const Reason = z.string().trim().min(1, 'a reason is required').max(500);

/** POST /v1/silences: at least one of site, asset, matchers; `for` a span from the hub's now (2h, 30m). */
export const NewSilenceInput = z
  .object({
    siteId: z.string().min(1).max(100).optional(),
    assetId: z.string().min(1).max(200).optional(),
    matchers: z.array(LabelMatcher).max(20).optional(),
    for: z.string().min(1).max(20),
    reason: Reason,
  })
  .strict();
export type NewSilenceInput = z.infer<typeof NewSilenceInput>;

/** POST /v1/maintenance: a site, from and until as ISO-8601 times. */
export const NewMaintenanceInput = z
  .object({
    siteId: z.string().min(1).max(100),
    from: z.string().min(1).max(40),
    until: z.string().min(1).max(40),
    reason: Reason,
  })
  .strict();
export type NewMaintenanceInput = z.infer<typeof NewMaintenanceInput>;

/** What `silence.changed` on the event stream carries. */
export interface SilenceChange {
  change: 'added' | 'expired';
  silence: Silence;
}
