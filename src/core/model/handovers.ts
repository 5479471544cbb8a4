// Shift handovers: what the outgoing duty officer hands the incoming one —
// the shift's incidents, dispatches, playbook runs and pending approvals, its
// KPIs against the shift before, the breaches predicted for the next shift,
// and what is still open (carried into the next handover until it closes).
// Issued as an immutable record (content and its sha-256), accepted once by
// another officer; after that nothing about it changes.
import { z } from 'zod';
import { HANDOVER_POST_TARGET } from '../handover-rules.js';
import type { ActorRef } from './actors.js';
import type { KpiSummary, RemoteKpi } from './kpi.js';
import type { Channel } from '../vocabulary.js';

export const IssueHandoverInput = z
  .object({
    /** The shift it covers, back from the hub's now: 8h, 12h, 30m. */
    shift: z.string().trim().min(1).max(16).optional(),
    /** A chat channel the chat bot posts it to, with an Accept button. */
    post: z.string().trim().regex(HANDOVER_POST_TARGET, 'a Slack channel (C0123ABCD, #ops) or teams:CONVERSATION').optional(),
  })
  .strict();
export type IssueHandoverInput = z.infer<typeof IssueHandoverInput>;

export const HANDOVER_ITEM_KINDS = ['incident', 'dispatch', 'approval'] as const;
export type HandoverItemKind = (typeof HANDOVER_ITEM_KINDS)[number];

/** Something still open at handover: an incident, a work order, a playbook run waiting on an approval. */
export interface HandoverItem {
  kind: HandoverItemKind;
  id: string;
  title: string;
  state: string;
  severity: string | null;
  siteId: string | null;
  /** When it opened (the incident or work order was created, the run started). */
  since: string;
}

export interface HandoverIncident {
  id: string;
  title: string;
  severity: string;
  state: string;
  siteId: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface HandoverDispatch {
  id: string;
  incidentId: string;
  siteId: string | null;
  assetId: string;
  priority: string;
  state: string;
  createdAt: string;
  closedAt: string | null;
}

export interface HandoverRun {
  id: string;
  playbookId: string;
  title: string;
  status: string;
  waitingOn: string | null;
  incidentId: string | null;
  siteId: string | null;
  startedAt: string;
  endedAt: string | null;
}

/**
 * The shift's KPIs against the shift before. `computed` names what the hub can
 * compute today (the remote-resolution KPI); `pending` what it will add when
 * the hub's period KPIs land (src/hub/kpi).
 */
export interface HandoverKpis {
  computed: string[];
  pending: string[];
  current: { remote: RemoteKpi };
  previous: { remote: RemoteKpi };
  /** Every KPI over the shift, each figure beside the shift before; absent from handovers issued before the hub computed them. */
  summary?: KpiSummary;
}

export interface PredictedBreach {
  siteId: string;
  at: string;
  /** The worst predicted mean wait of the window; null when the queue is predicted to grow all hour. */
  predictedWaitMinutes: number | null;
  targetWaitMinutes: number;
}

/** Breaches predicted for the next shift (the early warning); `available` false in handovers issued before the hub forecast breaches. */
export interface HandoverBreaches {
  available: boolean;
  note: string | null;
  breaches: PredictedBreach[];
}

/** What a handover says, fixed at issue: its sha-256 (over canonical JSON) is the record's hash. */
export interface HandoverContent {
  shift: { from: string; until: string };
  /** The handover before this one, whose open items this one carries. */
  previousId: string | null;
  incidents: { opened: HandoverIncident[]; resolved: HandoverIncident[] };
  dispatches: HandoverDispatch[];
  playbookRuns: HandoverRun[];
  pendingApprovals: HandoverRun[];
  kpis: HandoverKpis;
  predictedBreaches: HandoverBreaches;
  /** Everything open now: what the incoming officer takes over, carried into the next handover until closed. */
  openItems: HandoverItem[];
  /** The previous handover's open items still open now (a subset of openItems). */
  carriedOver: HandoverItem[];
}

export interface Handover {
  id: string;
  issuedAt: string;
  issuedBy: ActorRef;
  issuedChannel: Channel;
  /** sha-256 (hex) of the content's canonical JSON. */
  hash: string;
  content: HandoverContent;
  acceptedAt: string | null;
  acceptedBy: ActorRef | null;
  acceptedChannel: Channel | null;
}

/** A handover without its content, as lists and events carry it. */
export interface HandoverSummary {
  id: string;
  issuedAt: string;
  issuedBy: ActorRef;
  shift: { from: string; until: string };
  hash: string;
  openItems: number;
  carriedOver: number;
  acceptedAt: string | null;
  acceptedBy: ActorRef | null;
}

/** Data of `handover.issued` (post: the chat channel to post it to, or null) and `handover.accepted`. */
export interface HandoverEvent {
  handover: HandoverSummary;
  post: string | null;
}

export function handoverSummary(h: Handover): HandoverSummary {
  return {
    id: h.id,
    issuedAt: h.issuedAt,
    issuedBy: h.issuedBy,
    shift: h.content.shift,
    hash: h.hash,
    openItems: h.content.openItems.length,
    carriedOver: h.content.carriedOver.length,
    acceptedAt: h.acceptedAt,
    acceptedBy: h.acceptedBy,
  };
}
