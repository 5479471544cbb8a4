// Service-level timers for the incident queue, against the targets in
// core/sla.ts (the incidents KPI reads the same ones). A timer turns amber at
// 75% of its target and red once the target has passed.
import type { Incident } from '../core/model.js';
import { SLA_TARGETS } from '../core/sla.js';
import type { Lang } from '../render/labels.js';
import { uiWords } from './ui-labels.js';

const MINUTE = 60_000;

export const SLA_AMBER_SHARE = 0.75;

export type SlaTone = 'ok' | 'amber' | 'red';

export interface SlaTimer {
  /** Which target the incident is running against now. */
  target: 'ack' | 'resolve';
  elapsedMs: number;
  targetMs: number;
  tone: SlaTone;
}

/** The timer that matters for an open incident: time to acknowledge until someone has, then time to resolve. */
export function slaTimer(incident: Pick<Incident, 'severity' | 'state' | 'createdAt'>, now: Date): SlaTimer {
  const targets = SLA_TARGETS[incident.severity];
  const target = incident.state === 'triggered' ? 'ack' : 'resolve';
  const targetMs = target === 'ack' ? targets.ackMs : targets.resolveMs;
  const elapsedMs = Math.max(0, now.getTime() - Date.parse(incident.createdAt));
  const tone: SlaTone = elapsedMs >= targetMs ? 'red' : elapsedMs >= targetMs * SLA_AMBER_SHARE ? 'amber' : 'ok';
  return { target, elapsedMs, targetMs, tone };
}

/** 4:05, 1:02:09 — a running clock, compact enough for a queue row. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** 5m, 4h, 72h (5د, 4س in Arabic) */
export function formatTarget(ms: number, lang: Lang = 'en'): string {
  return uiWords(lang).unitTarget(Math.round(ms / MINUTE));
}
