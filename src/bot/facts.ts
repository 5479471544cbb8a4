// What every chat renderer says about an incident, a site or a list, before it is
// dressed as Slack blocks or a Teams card: the facts in order, which buttons an
// incident's state allows, and how long lists and texts are cut. Values are raw
// (not escaped): each renderer escapes for its own markup.
import type { FleetStatus, Incident, IncidentDetail, SiteStatus, TimelineEntry } from '../core/model.js';
import { silenceCode } from '../render/fleet-status.js';
import type { IncidentState } from '../core/vocabulary.js';
import { labelsFor, type Lang } from '../render/labels.js';
import type { ChatActionId, ReplyAction } from './reply.js';

export interface Fact {
  label: string;
  value: string;
}

/** Most items a chat list shows before "… N more": cards stay one screen tall. */
export const CHAT_LIST_LIMIT = 15;
/** Most timeline entries on an incident card: the newest ones matter at 3 a.m. */
export const CHAT_TIMELINE_LIMIT = 5;
/** Longest free text (a CLI's verbatim output) one message carries. */
export const CHAT_TEXT_LIMIT = 2800;

/** Cuts `text` to at most `max` characters, ending in … when it was cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** The first `limit` items and how many were left out. */
export function takeForChat<T>(items: readonly T[], limit = CHAT_LIST_LIMIT): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/** "… 12 more", in the reply's language. */
export function moreLine(more: number, lang: Lang): string {
  return `… ${more} ${labelsFor(lang).t('more')}`;
}

/** A time as people on shift read it in chat: UTC to the minute, the same in every client. */
export function formatChatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The incident of a reply that may carry its timeline too. */
export function incidentOf(incident: Incident | IncidentDetail): Incident {
  return 'timeline' in incident ? incident.incident : incident;
}

/** The newest timeline entries a card shows (oldest of them first), if the reply has a timeline. */
export function recentTimeline(incident: Incident | IncidentDetail, limit = CHAT_TIMELINE_LIMIT): TimelineEntry[] {
  return 'timeline' in incident ? incident.timeline.slice(-limit) : [];
}

/** The facts of an incident, in the order every card shows them; empty ones left out. */
export function incidentFacts(incident: Incident, lang: Lang): Fact[] {
  const l = labelsFor(lang);
  const facts: [string, string | null][] = [
    [l.t('severity'), incident.severity],
    [l.t('state'), l.state(incident.state)],
    [l.t('site'), incident.siteId],
    [l.t('asset'), incident.assetId],
    [l.t('opened'), formatChatTime(incident.createdAt)],
    [l.t('acknowledgedBy'), incident.acknowledgedBy && `${incident.acknowledgedBy.name}, ${formatChatTime(incident.acknowledgedAt!)}`],
    [l.t('assignee'), incident.assignee],
    [l.t('escalations'), incident.escalations ? String(incident.escalations) : null],
    [l.t('resolvedBy'), incident.resolvedBy && `${incident.resolvedBy.name}, ${formatChatTime(incident.resolvedAt!)}`],
    [l.t('summary'), incident.summary],
    [l.t('children'), incident.childCount ? String(incident.childCount) : null],
    [l.t('parent'), incident.parentId ?? null],
    [l.t('flapping'), incident.flapping ? '✓' : null],
  ];
  return facts.filter((f): f is [string, string] => Boolean(f[1])).map(([label, value]) => ({ label, value }));
}

/** One line for an incident in a list: id, severity, state, site and title. */
export function incidentLine(incident: Incident, lang: Lang): { head: string; title: string } {
  const l = labelsFor(lang);
  return {
    head: [incident.id, incident.severity, l.state(incident.state), incident.siteId].filter(Boolean).join(' · '),
    title: incident.title,
  };
}

// Which buttons each state allows, mirroring the hub's state machine: an
// acknowledged incident is not acknowledged again; a resolved one is final.
type IncidentActionId = Extract<ChatActionId, 'ack' | 'diag' | 'escalate' | 'resolve'>;
const BUTTONS_BY_STATE: Record<IncidentState, readonly IncidentActionId[]> = {
  triggered: ['ack', 'diag', 'escalate', 'resolve'],
  acknowledged: ['diag', 'escalate', 'resolve'],
  dispatched: ['diag', 'escalate', 'resolve'],
  resolved: [],
};

const BUTTON_LABEL = { ack: 'acknowledge', diag: 'runDiagnostics', escalate: 'escalate', resolve: 'resolve', approve: 'approve', reject: 'reject', handover: 'acceptHandover' } as const;

/** The buttons an incident card shows in its current state. */
export function incidentActions(incident: Incident, lang: Lang): ReplyAction[] {
  return BUTTONS_BY_STATE[incident.state].map((id) => ({
    id,
    label: labelsFor(lang).t(BUTTON_LABEL[id]),
    value: incident.id,
    ...(id === 'ack' ? { style: 'primary' as const } : id === 'resolve' ? { style: 'danger' as const } : {}),
  }));
}

/** A button's label in the card's language: incident buttons by their id, suggested commands as given. */
export function actionLabel(action: ReplyAction, lang: Lang): string {
  return action.id === 'run' || action.id === 'confirm' || action.id === 'playbook' ? action.label : labelsFor(lang).t(BUTTON_LABEL[action.id]);
}

/** A site's flow in one line: wait, queue and e-gates in service. */
export function siteFlowFacts(status: SiteStatus, lang: Lang): Fact[] {
  const l = labelsFor(lang);
  const num = (n: number | null, unit = '') => (n === null ? '-' : `${Math.round(n)}${unit}`);
  return [
    { label: l.t('health'), value: l.health(status.health) },
    { label: l.t('wait'), value: num(status.waitMinutes, ` ${l.t('minutes')}`) },
    { label: l.t('queue'), value: num(status.queueLength) },
    { label: l.t('egates'), value: `${status.egates.inService}/${status.egates.total} ${l.t('inService')}` },
    { label: l.t('counters'), value: `${status.counters.open}/${status.counters.total} ${l.t('open')}` },
    { label: l.t('staff'), value: String(status.staff) },
    { label: l.t('reported'), value: status.reportedAt ? formatChatTime(status.reportedAt) : l.t('notReported') },
    ...(status.mode !== 'normal' ? [{ label: l.t('mode'), value: status.mode }] : []),
    ...(status.silence ? [{ label: silenceCode(status), value: `${status.silence.id} → ${formatChatTime(status.silence.until)}` }] : []),
  ];
}

/** "fleet mode: offline-processing" while the whole fleet runs otherwise than normally; null when it does not. */
export function fleetModeLine(status: FleetStatus, lang: Lang): string | null {
  return status.mode === 'normal' ? null : `${labelsFor(lang).t('fleetMode')}: ${status.mode}`;
}

/** The sites a fleet reply lists: those not ok, with open incidents, running in a mode of their own, or silenced. */
export function sitesWorthALook(status: FleetStatus): SiteStatus[] {
  return status.sites.filter((s) => s.health !== 'ok' || s.openIncidents.total > 0 || (s.mode !== 'normal' && s.mode !== status.mode) || s.silence);
}

/**
 * " · evacuation" after a site's line when it runs in a mode the fleet does not, and " · maintenance MW-3"
 * or " · silenced SIL-2" while its alerts page no one (the codes `status` prints piped).
 */
export function siteModeSuffix(site: SiteStatus, fleet: FleetStatus | undefined): string {
  const mode = site.mode === 'normal' || site.mode === fleet?.mode ? '' : ` · ${site.mode}`;
  return `${mode}${site.silence ? ` · ${silenceCode(site)} ${site.silence.id}` : ''}`;
}
