// The bot's own sentences (confirmations, headings, refusals), in English and
// Arabic. Single words shared with other front ends live in render/labels.ts.
import type { Incident } from '../core/model.js';
import type { Lang } from '../render/labels.js';

export type MutationVerb = 'ack' | 'assign' | 'note' | 'escalate' | 'resolve';

interface Messages {
  done(verb: MutationVerb, incident: Incident, changed: boolean): string;
  openIncidents(where?: string): string;
  refused(command: string, why: string): string;
  refusedHint: string;
  resolveNeedsSummary(id: string): string;
  resolveHint(id: string): string;
  noSiteMatches(text: string): string;
  /** The question above "did you mean" buttons, from a not-found error's details. */
  choicesFor(typed: string, ambiguous: boolean): string;
  unclear: string;
  emptyDiagnostics(target: string): string;
  statusOf(site: string): string;
  waitAt(site: string): string;
  incidentsAt(site: string): string;
  fleetStatus: string;
  allOpenIncidents: string;
  help: string;
}

const EN: Messages = {
  done(verb, i, changed) {
    if (!changed) return verb === 'ack' ? `${i.id} was already acknowledged by you` : `${i.id}: nothing changed`;
    switch (verb) {
      case 'ack':
        return `${i.id} acknowledged${i.acknowledgedBy ? ` by ${i.acknowledgedBy.name}` : ''}`;
      case 'assign':
        return `${i.id} assigned to ${i.assignee ?? '-'}`;
      case 'note':
        return `note added to ${i.id}`;
      case 'escalate':
        return `${i.id} escalated (now ${i.severity})`;
      case 'resolve':
        return `${i.id} resolved`;
    }
  },
  openIncidents: (where) => (where ? `Open incidents in ${where}` : 'Open incidents'),
  refused: (command, why) => `\`${command}\` is not available in chat: ${why}`,
  refusedHint: 'send `help` for what the bot can do',
  resolveNeedsSummary: (id) => `resolving ${id} needs a summary of what was done`,
  resolveHint: (id) => `send \`incidents resolve ${id} --summary "what fixed it"\``,
  noSiteMatches: (text) => `no site matches "${text}"`,
  choicesFor: (typed, ambiguous) => (ambiguous ? `"${typed}" matches more than one site` : `nothing matches "${typed}"`),
  unclear: 'I am not sure what you are asking. Did you mean one of these?',
  emptyDiagnostics: (target) => `diagnostics of ${target} gave no verdict`,
  statusOf: (site) => `Status of ${site}`,
  waitAt: (site) => `Wait at ${site}`,
  incidentsAt: (site) => `Open incidents at ${site}`,
  fleetStatus: 'Fleet status',
  allOpenIncidents: 'Open incidents',
  help: 'Help',
};

const AR: Messages = {
  done(verb, i, changed) {
    if (!changed) return verb === 'ack' ? `البلاغ ${i.id} مستلم منك من قبل` : `البلاغ ${i.id}: لم يتغير شيء`;
    switch (verb) {
      case 'ack':
        return `تم استلام البلاغ ${i.id}${i.acknowledgedBy ? ` بواسطة ${i.acknowledgedBy.name}` : ''}`;
      case 'assign':
        return `تم تكليف ${i.assignee ?? '-'} بالبلاغ ${i.id}`;
      case 'note':
        return `أضيفت ملاحظة إلى البلاغ ${i.id}`;
      case 'escalate':
        return `تم تصعيد البلاغ ${i.id} (الآن ${i.severity})`;
      case 'resolve':
        return `تم إغلاق البلاغ ${i.id}`;
    }
  },
  openIncidents: (where) => (where ? `البلاغات المفتوحة في ${where}` : 'البلاغات المفتوحة'),
  refused: (command, why) => `الأمر \`${command}\` غير متاح في المحادثة: ${why}`,
  refusedHint: 'أرسل `help` لمعرفة ما يمكن للبوت فعله',
  resolveNeedsSummary: (id) => `إغلاق البلاغ ${id} يحتاج ملخصاً لما تم`,
  resolveHint: (id) => `أرسل \`incidents resolve ${id} --summary "ما الذي أصلحه"\``,
  noSiteMatches: (text) => `لا يوجد موقع يطابق "${text}"`,
  choicesFor: (typed, ambiguous) => (ambiguous ? `"${typed}" يطابق أكثر من موقع` : `لا شيء يطابق "${typed}"`),
  unclear: 'لم أفهم السؤال تماماً. هل تقصد أحد هذه؟',
  emptyDiagnostics: (target) => `لم يُرجع تشخيص ${target} أي نتيجة`,
  statusOf: (site) => `حالة ${site}`,
  waitAt: (site) => `الانتظار في ${site}`,
  incidentsAt: (site) => `البلاغات المفتوحة في ${site}`,
  fleetStatus: 'حالة المواقع',
  allOpenIncidents: 'البلاغات المفتوحة',
  help: 'مساعدة',
};

export function messagesFor(lang: Lang): Messages {
  return lang === 'ar' ? AR : EN;
}
