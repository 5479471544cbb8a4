// The 992 contact centre's figures as words, in one place for every front
// end that shows a site: the AI agent's share for a table cell, and the line
// a person reads (inquiries per hour, callers waiting, the AI agent's share
// answered without a person, abandonment). Pure.
import type { SiteStatus } from '../core/model.js';
import { labelsFor, type Lang } from './labels.js';

/** A share (0..1) as a whole percentage; `-` when there is none. */
export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '-' : `${Math.round(share * 100)}%`);

/** The AI agent's share for a table cell: a percentage for a person, the bare share (0.5) for a script, `-` for other sites. */
export function aiShareCell(s: Pick<SiteStatus, 'contactCentre'>, tty: boolean): string {
  const share = s.contactCentre?.aiShare;
  if (share === null || share === undefined) return '-';
  return tty ? percent(share) : String(Math.round(share * 1000) / 1000);
}

/** "992 Contact Centre: 120 inquiries/h · 3 waiting · 50% answered by the AI agent · 12% abandoned"; null for a site with no such figures. */
export function contactCentreLine(s: Pick<SiteStatus, 'name' | 'arrivalsPerHour' | 'queueLength' | 'contactCentre'>, lang: Lang): string | null {
  const cc = s.contactCentre;
  if (!cc) return null;
  const l = labelsFor(lang);
  const parts = [`${Math.round(s.arrivalsPerHour ?? 0)} ${l.t('inquiriesPerHour')}`, `${s.queueLength ?? 0} ${l.t('callersWaiting')}`, ...contactShareParts(cc, lang)];
  return `${l.siteName(s.name)}: ${parts.join(' · ')}`;
}

/** ["50% answered by the AI agent", "12% abandoned"]: the shares in words. */
export function contactShareParts(cc: NonNullable<SiteStatus['contactCentre']>, lang: Lang): string[] {
  const { t } = labelsFor(lang);
  return [`${percent(cc.aiShare)} ${t('aiAnswered')}`, `${percent(cc.abandonedShare)} ${t('abandoned')}`];
}
