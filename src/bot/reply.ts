// The neutral result of one chat request: what the bot has to say, before it is
// dressed as Slack Block Kit or a Teams Adaptive Card. Every renderer takes a
// BotReply and nothing else, so Slack and Teams can never say different things.
import type { Lang } from '../render/labels.js';
import type { DiagVerdictEvent, FleetStatus, Incident, IncidentDetail, PlaybookRunDetail, Site, SiteDetail, SiteForecast } from '../core/model.js';
import type { Role } from '../core/vocabulary.js';

/** Who is asking, as the bot resolved them from the chat platform. */
export interface ChatUser {
  platform: 'slack' | 'teams';
  /** The platform's user id (Slack U0123…, Teams aad object id). */
  userId: string;
  /** The watchfloor identity they map to, or null: unmapped users may only read. */
  watchfloorName: string | null;
  role: Role;
  lang: Lang;
}

/** A button the renderers draw; pressing it comes back to the bot's one action dispatcher. */
export interface ReplyAction {
  /**
   * What the dispatcher does: `ack`, `diag`, `escalate`, `resolve`, `run` (a
   * suggested command), `approve`/`reject`/`confirm` (a run's step),
   * `playbook` (a proposed playbook: shows the plan and asks before it starts),
   * or `handover` (the incoming officer takes over a shift handover).
   */
  id: ChatActionId;
  label: string;
  /**
   * The incident id for incident actions; the command text for `run`;
   * `RUN-… STEP` for approve and reject, `RUN-… STEP ITEM` for confirm;
   * `PLAYBOOK INC-…` for playbook; `HO-…` for handover (Accept handover).
   */
  value: string;
  style?: 'primary' | 'danger';
}

export const CHAT_ACTION_IDS = ['ack', 'diag', 'escalate', 'resolve', 'run', 'approve', 'reject', 'confirm', 'playbook', 'handover'] as const;
export type ChatActionId = (typeof CHAT_ACTION_IDS)[number];

export type BotReply =
  /** Fleet summary (`status` without a site). */
  | { kind: 'fleet'; status: FleetStatus }
  /** One site in detail (`status RUH`, `sites show RUH`). */
  | { kind: 'site'; site: SiteDetail }
  | { kind: 'sites'; sites: Site[] }
  /** One incident with its timeline, and the buttons for what may be done next. */
  | { kind: 'incident'; incident: IncidentDetail | Incident; actions: ReplyAction[]; note?: string }
  | { kind: 'incidents'; incidents: Incident[]; heading: string }
  /** A diagnostics run: one verdict per asset. */
  | { kind: 'diagnostics'; target: string; verdicts: DiagVerdictEvent[] }
  /** The answer to "what's the wait at DMM". */
  | { kind: 'wait'; site: Site; waitMinutes: number | null; queueLength: number | null }
  /** A verb the bot has no rich reply for: the verb's own text presenter applied to its result, shown verbatim (with buttons, for a plan that asks before it starts). */
  | { kind: 'text'; title: string; text: string; actions?: ReplyAction[]; chart?: ReplyChart }
  /** A playbook run: its steps, who acted, what it waits on, and the buttons its state allows. */
  | { kind: 'run'; detail: PlaybookRunDetail; actions: ReplyAction[] }
  /** A short confirmation ("INC-000042 acknowledged by Ahmed"). */
  | { kind: 'done'; message: string; incident?: Incident }
  /** Refused, not found, bad input, hub down: one line and perhaps a hint. */
  | { kind: 'error'; message: string; hint?: string; exitCode: number }
  /** An unclear question: choices to press, never a guess that acts. */
  | { kind: 'did-you-mean'; question: string; choices: ReplyAction[] }
  | { kind: 'help'; commands: { usage: string; description: string }[]; examples: string[] };

/** A picture a platform may send beside the reply (Slack uploads it); the text already says the same. */
export type ReplyChart = { kind: 'forecast'; forecast: SiteForecast };

/** A BotReply and the language to render it in. */
export interface Rendered<T> {
  /** Plain text for notifications and clients that cannot draw cards. */
  text: string;
  body: T;
}

export type { Lang };
