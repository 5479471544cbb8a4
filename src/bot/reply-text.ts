// A BotReply as one short plain line: the notification text and the fallback
// of clients that cannot draw cards. The same words on Slack and Teams.
import { labelsFor, type Lang } from '../render/labels.js';
import { countOf } from '../render/plural.js';
import { incidentLine, incidentOf } from './facts.js';
import type { BotReply } from './reply.js';

export function replyText(reply: BotReply, lang: Lang): string {
  const l = labelsFor(lang);
  switch (reply.kind) {
    case 'fleet': {
      const t = reply.status.totals;
      return `${l.t('fleetStatus')}: ${countOf(t.sites, 'site', lang)}, ${t.health.degraded} ${l.health('degraded')}, ${t.health.down} ${l.health('down')}, ${countOf(t.openIncidents.total, 'openIncident', lang)}`;
    }
    case 'site':
      return `${reply.site.site.id} ${l.siteName(reply.site.site.name)}: ${l.health(reply.site.status.health)}`;
    case 'sites':
      return countOf(reply.sites.length, 'site', lang);
    case 'incident': {
      const line = incidentLine(incidentOf(reply.incident), lang);
      return `${line.head}: ${line.title}`;
    }
    case 'incidents':
      return `${reply.heading}: ${reply.incidents.length}`;
    case 'diagnostics':
      return `${l.t('diagnostics')} ${reply.target}: ${reply.verdicts.map((v) => `${v.assetId} ${l.verdict(v.verdict)}`).join(', ')}`;
    case 'wait':
      return `${l.siteName(reply.site.name)}: ${l.t('wait')} ${reply.waitMinutes === null ? l.t('notReported') : `${Math.round(reply.waitMinutes)} ${l.t('minutes')}`}`;
    case 'text':
      return reply.title;
    case 'done':
      return reply.message;
    case 'error':
      return reply.hint ? `${reply.message} (${reply.hint})` : reply.message;
    case 'did-you-mean':
      return `${l.t('didYouMean')} ${reply.choices.map((c) => c.label).join(' / ')}`;
    case 'help':
      return l.t('commands');
    case 'run': {
      const r = reply.detail.run;
      return `${r.id} ${r.playbookId}: ${r.status}${r.status === 'waiting' && r.waitingOn ? ` (${r.waitingOn})` : ''}`;
    }
  }
}
