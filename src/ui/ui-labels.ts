// The terminal UI's own words (keys, headings, the status line, prompts,
// progress), in English and Arabic. Names, regions, kinds, health and
// verdicts come from render/labels.ts; ids and codes stay as they are.
import type { DiagAction } from '../core/model.js';
import { DIAG_VERDICTS, type DiagVerdict, type IncidentState, type TimelineKind } from '../core/vocabulary.js';
import { labelsFor, type Labels, type Lang } from '../render/labels.js';
import { countOf } from '../render/plural.js';

/** Keys as typed (never translated) and what each does. */
export type KeyHelp = ReadonlyArray<readonly [key: string, what: string]>;

export interface UiWords {
  // connection and status line
  live: string;
  connecting: string;
  stale: string;
  byGrouping(grouping: 'kind' | 'region'): string;
  filtered(filter: string): string;
  helpAndQuit: string;
  filterHint: string;
  /** Counting down: 0 once the try is under way. */
  staleBanner(since: string, retrySeconds: number, reason: string): string;
  retryNowKey: string;
  /** A wall's page indicator when the fleet takes more than one screen. */
  wallPage(page: number, pages: number): string;
  /** A heading again atop a page or a scrolled wall that starts inside its group. */
  continued: string;
  /** Rows of tiles hidden above or below the scrolled wall. */
  moreAbove(n: number): string;
  moreBelow(n: number): string;
  /** Refused before the hub is asked: nothing is left to do on a resolved incident. */
  resolvedNoActions(id: string): string;
  loadingFleet: string;
  loading(id: string): string;
  // fleet wall and queue
  kindHeading(kind: string): string | undefined;
  noSiteMatches: string;
  incidentsHeading: string;
  openCount(n: number, window: string): string;
  /** The queue's short state column. */
  shortState(state: IncidentState): string;
  platform: string;
  // SLA
  slaShort(target: 'ack' | 'resolve'): string;
  slaLong(target: 'ack' | 'resolve', elapsed: string, of: string): string;
  /** 5m, 4h in the screen's language. */
  unitTarget(minutes: number): string;
  waitMinutes(minutes: number): string;
  noReport: string;
  // detail pane
  assetsSummary(total: number): string;
  notOk(shown: number, total: number): string;
  everyAssetHealthy: string;
  openIncidents(n: number): string;
  acknowledgedBy(name: string): string;
  assignedTo(name: string): string;
  escalated(n: number): string;
  resolvedWith(summary: string | null): string;
  timeline(shown: number, total: number): string;
  timelineKind(kind: TimelineKind): string;
  siteFooter: string;
  incidentFooter: string;
  /** A resolved incident's footer: no action keys, only the way back. */
  backFooter: string;
  // diagnostics in place
  diagHeading(target: string, fix: boolean): string;
  diagRunning: string;
  diagDone(counts: string): string;
  diagFailed(reason: string): string;
  probing: string;
  probeFailed(error: string): string;
  finding(code: string): string;
  action(name: string, status: DiagAction['status']): string;
  verifying(action: string, passed: boolean): string;
  verdictCount(verdict: DiagVerdict, n: number): string;
  listSeparator: string;
  // prompts and answers to actions
  resolvePrompt(id: string): string;
  resolvePromptHint: string;
  summaryNeeded: string;
  acking(id: string): string;
  acked(id: string): string;
  alreadyAcked(id: string): string;
  escalating(id: string): string;
  escalatedMsg(id: string): string;
  resolving(id: string): string;
  resolved(id: string): string;
  diagnosing(target: string, fix: boolean): string;
  diagAlreadyRunning(target: string): string;
  diagFinished(target: string, counts: string): string;
  busy(id: string): string;
  noIncident: string;
  selectIncident: string;
  noTarget: string;
  // help
  helpTitle: string;
  keys: KeyHelp;
  tileLegend: string;
  slaLegend: string;
}

const EN_KIND_HEADINGS: Record<string, string> = { air: 'Air ports', land: 'Land ports', sea: 'Sea ports', 'service-centre': 'Service centres', 'contact-centre': 'Contact centres' };
const AR_KIND_HEADINGS: Record<string, string> = { air: 'المنافذ الجوية', land: 'المنافذ البرية', sea: 'المنافذ البحرية', 'service-centre': 'مراكز الخدمة', 'contact-centre': 'مراكز الاتصال' };

const EN: UiWords = {
  live: '● live',
  connecting: '○ connecting',
  stale: '● stale',
  byGrouping: (g) => `by ${g}`,
  filtered: (f) => `filter "${f}"`,
  helpAndQuit: '? help · q quit',
  filterHint: 'site, name (English or Arabic), region or kind · Enter keeps · Esc clears',
  staleBanner: (since, retry, reason) => `stale since ${since} — ${retry > 0 ? `reconnecting in ${retry}s` : 'reconnecting now…'}: ${reason}`,
  retryNowKey: 'c: retry now',
  wallPage: (page, pages) => `page ${page}/${pages}`,
  continued: '(continued)',
  moreAbove: (n) => `▲ more above (${n})`,
  moreBelow: (n) => `▼ more below (${n})`,
  resolvedNoActions: (id) => `${id} is resolved: nothing more to do on it`,
  loadingFleet: 'loading the fleet from the hub…',
  loading: (id) => `loading ${id} from the hub…`,
  kindHeading: (k) => EN_KIND_HEADINGS[k],
  noSiteMatches: 'no site matches the filter',
  incidentsHeading: 'Incidents',
  openCount: (n, w) => `(${n} open${w ? `, ${w}` : ''})`,
  shortState: (s) => ({ triggered: 'new', acknowledged: 'ack', dispatched: 'disp', resolved: 'done' })[s],
  platform: 'platform',
  slaShort: (t) => t,
  slaLong: (t, e, of) => `${t === 'ack' ? 'time to acknowledge' : 'time to resolve'} ${e} of ${of}`,
  unitTarget: (m) => (m % 60 === 0 ? `${m / 60}h` : `${m}m`),
  waitMinutes: (m) => `wait ${m}m`,
  noReport: 'no report',
  assetsSummary: (n) => countOf(n, 'asset', 'en'),
  notOk: (shown, total) => `Not ok${total > shown ? ` (first ${shown} of ${total})` : ''}`,
  everyAssetHealthy: 'every asset is healthy',
  openIncidents: (n) => `Open incidents (${n})`,
  acknowledgedBy: (name) => `acknowledged by ${name}`,
  assignedTo: (name) => `assigned to ${name}`,
  escalated: (n) => `escalated ×${n}`,
  resolvedWith: (s) => `resolved${s ? `: ${s}` : ''}`,
  timeline: (shown, total) => `Timeline${total > shown ? ` (last ${shown} of ${total})` : ''}`,
  timelineKind: (k) => k,
  siteFooter: 'd: diagnose · f: diagnose and fix · Enter or Esc: back',
  incidentFooter: 'a: acknowledge · d: diagnose · f: fix · e: escalate · r: resolve · Enter or Esc: back',
  backFooter: 'Enter or Esc: back',
  diagHeading: (t, fix) => `${fix ? 'Diagnose and fix' : 'Diagnostics'} on ${t}`,
  diagRunning: 'running…',
  diagDone: (c) => `done: ${c}`,
  diagFailed: (r) => `failed: ${r}`,
  probing: 'probing…',
  probeFailed: (e) => `no answer (${e})`,
  finding: (c) => `finding ${c}`,
  action: (n, s) => `action ${n}: ${s.replace('_', ' ')}`,
  verifying: (a, passed) => `after ${a}: ${passed ? 'passed' : 'not fixed'}`,
  verdictCount: (v, n) => `${n} ${labelsFor('en').verdict(v)}`,
  listSeparator: ', ',
  resolvePrompt: (id) => `Resolve ${id} — summary: `,
  resolvePromptHint: 'Enter resolves · Esc cancels',
  summaryNeeded: 'a summary is needed: say what was done',
  acking: (id) => `acknowledging ${id}…`,
  acked: (id) => `acknowledged ${id}`,
  alreadyAcked: (id) => `${id} was already acknowledged`,
  escalating: (id) => `escalating ${id}…`,
  escalatedMsg: (id) => `escalated ${id}`,
  resolving: (id) => `resolving ${id}…`,
  resolved: (id) => `resolved ${id}`,
  diagnosing: (t, fix) => `${fix ? 'diagnosing and fixing' : 'diagnosing'} ${t}…`,
  diagAlreadyRunning: (t) => `diagnostics on ${t} are already running`,
  diagFinished: (t, c) => `diagnostics on ${t}: ${c}`,
  busy: (id) => `${id}: the last action is still running`,
  noIncident: 'no incident selected',
  selectIncident: 'select an incident in the queue first (Tab)',
  noTarget: 'nothing selected',
  helpTitle: 'watchfloor watch — keys',
  keys: [
    ['←↓↑→ / hjkl', 'move the selection'],
    ['Tab', 'switch between the fleet wall and the incident queue'],
    ['Enter', 'the selected site or incident in detail (Enter or Esc goes back)'],
    ['g', 'group the wall by kind or by region'],
    ['/', 'filter by site, name (English or Arabic), region or kind; Enter keeps, Esc clears'],
    ['a', 'acknowledge the selected incident'],
    ['d', 'run diagnostics on the selected incident or site (progress in the detail pane)'],
    ['f', 'diagnose and fix (officers and above)'],
    ['e', 'escalate the selected incident (supervisors and above)'],
    ['r', 'resolve the selected incident (asks for a summary)'],
    ['p', 'playbooks for the selected incident or site: choose, confirm (y/n), follow the run'],
    ['c', 'while the hub is out of reach: try to reconnect now'],
    ['?', 'show or hide this help'],
    ['q', 'quit'],
  ],
  tileLegend: 'Tiles: health glyph (· ok ▲ degraded ✖ down; a letter instead: the site\'s mode, O offline S surge E evacuation P power N isolated; M in maintenance, Q silenced: its alerts page no one), then site, wait in minutes, open incidents.',
  slaLegend: 'SLA timers turn amber at 75% of the target and red past it (sev1: ack 5m, resolve 1h).',
};

const AR_ACTION_STATUS: Record<DiagAction['status'], string> = {
  done: 'تم',
  failed: 'فشل',
  not_applicable: 'لا ينطبق',
  planned: 'مخطط',
  forbidden: 'غير مسموح',
  error: 'خطأ',
};
const AR_SHORT_STATE: Record<IncidentState, string> = { triggered: 'جديد', acknowledged: 'مستلم', dispatched: 'فني', resolved: 'مغلق' };
const AR_TIMELINE: Record<TimelineKind, string> = {
  triggered: 'بدء',
  'alert-updated': 'تحديث تنبيه',
  'alert-resolved': 'زوال تنبيه',
  acknowledged: 'استلام',
  assigned: 'تكليف',
  note: 'ملاحظة',
  escalated: 'تصعيد',
  dispatched: 'إرسال فني',
  resolved: 'إغلاق',
  probe: 'فحص',
  action: 'إجراء',
};

const AR: UiWords = {
  live: '● مباشر',
  connecting: '○ جارٍ الاتصال',
  stale: '● غير محدَّث',
  byGrouping: (g) => (g === 'kind' ? 'حسب النوع' : 'حسب المنطقة'),
  filtered: (f) => `تصفية "${f}"`,
  helpAndQuit: '? مساعدة · q خروج',
  filterHint: 'موقع أو اسم (عربي أو إنجليزي) أو منطقة أو نوع · Enter للإبقاء · Esc للمسح',
  staleBanner: (since, retry, reason) => `البيانات غير محدَّثة منذ ${since} — ${retry > 0 ? `إعادة الاتصال خلال ${retry} ث` : 'جارٍ إعادة الاتصال…'}: ${reason}`,
  retryNowKey: 'c: أعد المحاولة الآن',
  wallPage: (page, pages) => `صفحة ${page}/${pages}`,
  continued: '(تابع)',
  moreAbove: (n) => `▲ المزيد أعلاه (${n})`,
  moreBelow: (n) => `▼ المزيد أدناه (${n})`,
  resolvedNoActions: (id) => `${id} مغلق: لا إجراء عليه`,
  loadingFleet: 'جارٍ تحميل المواقع من المركز…',
  loading: (id) => `جارٍ تحميل ${id} من المركز…`,
  kindHeading: (k) => AR_KIND_HEADINGS[k],
  noSiteMatches: 'لا يطابق التصفية أي موقع',
  incidentsHeading: 'البلاغات',
  openCount: (n, w) => `(${n} مفتوحة${w ? `، ${w}` : ''})`,
  shortState: (s) => AR_SHORT_STATE[s],
  platform: 'المنصة',
  slaShort: (t) => (t === 'ack' ? 'استلام' : 'إغلاق'),
  slaLong: (t, e, of) => `${t === 'ack' ? 'مهلة الاستلام' : 'مهلة الإغلاق'} ${e} من ${of}`,
  unitTarget: (m) => (m % 60 === 0 ? `${m / 60}س` : `${m}د`),
  waitMinutes: (m) => `انتظار ${m} د`,
  noReport: 'لا تحديث',
  assetsSummary: (n) => countOf(n, 'asset', 'ar'),
  notOk: (shown, total) => `أجهزة غير سليمة${total > shown ? ` (أول ${shown} من ${total})` : ''}`,
  everyAssetHealthy: 'كل الأجهزة سليمة',
  openIncidents: (n) => `البلاغات المفتوحة (${n})`,
  acknowledgedBy: (name) => `استلمه ${name}`,
  assignedTo: (name) => `المكلَّف ${name}`,
  escalated: (n) => `صُعِّد ×${n}`,
  resolvedWith: (s) => `مغلق${s ? `: ${s}` : ''}`,
  timeline: (shown, total) => `السجل${total > shown ? ` (آخر ${shown} من ${total})` : ''}`,
  timelineKind: (k) => AR_TIMELINE[k] ?? k,
  siteFooter: 'd: تشخيص · f: تشخيص وإصلاح · Enter أو Esc: رجوع',
  incidentFooter: 'a: استلام · d: تشخيص · f: إصلاح · e: تصعيد · r: إغلاق · Enter أو Esc: رجوع',
  backFooter: 'Enter أو Esc: رجوع',
  diagHeading: (t, fix) => `${fix ? 'تشخيص وإصلاح' : 'تشخيص'} ${t}`,
  diagRunning: 'جارٍ…',
  diagDone: (c) => `انتهى: ${c}`,
  diagFailed: (r) => `تعذّر: ${r}`,
  probing: 'جارٍ الفحص…',
  probeFailed: (e) => `لا رد (${e})`,
  finding: (c) => `خلل ${c}`,
  action: (n, s) => `إجراء ${n}: ${AR_ACTION_STATUS[s]}`,
  verifying: (a, passed) => `بعد ${a}: ${passed ? 'نجح' : 'لم يُصلح'}`,
  verdictCount: (v, n) => `${n} ${labelsFor('ar').verdict(v)}`,
  listSeparator: '، ',
  resolvePrompt: (id) => `إغلاق ${id} — الملخص: `,
  resolvePromptHint: 'Enter للإغلاق · Esc للإلغاء',
  summaryNeeded: 'الملخص مطلوب: اذكر ما الذي تم',
  acking: (id) => `جارٍ استلام ${id}…`,
  acked: (id) => `تم استلام ${id}`,
  alreadyAcked: (id) => `${id} مستلم من قبل`,
  escalating: (id) => `جارٍ تصعيد ${id}…`,
  escalatedMsg: (id) => `تم تصعيد ${id}`,
  resolving: (id) => `جارٍ إغلاق ${id}…`,
  resolved: (id) => `تم إغلاق ${id}`,
  diagnosing: (t, fix) => `${fix ? 'جارٍ تشخيص وإصلاح' : 'جارٍ تشخيص'} ${t}…`,
  diagAlreadyRunning: (t) => `تشخيص ${t} جارٍ بالفعل`,
  diagFinished: (t, c) => `تشخيص ${t}: ${c}`,
  busy: (id) => `${id}: الإجراء السابق لم ينتهِ بعد`,
  noIncident: 'لم يُحدَّد بلاغ',
  selectIncident: 'اختر بلاغًا من القائمة أولًا (Tab)',
  noTarget: 'لم يُحدَّد شيء',
  helpTitle: 'watchfloor watch — المفاتيح',
  keys: [
    ['←↓↑→ / hjkl', 'تحريك التحديد'],
    ['Tab', 'التنقل بين لوحة المواقع وقائمة البلاغات'],
    ['Enter', 'تفاصيل الموقع أو البلاغ المحدد (Enter أو Esc للرجوع)'],
    ['g', 'تجميع المواقع حسب النوع أو المنطقة'],
    ['/', 'تصفية بالرمز أو الاسم (عربي أو إنجليزي) أو المنطقة أو النوع؛ Enter للإبقاء، Esc للمسح'],
    ['a', 'استلام البلاغ المحدد'],
    ['d', 'تشخيص البلاغ أو الموقع المحدد (التقدم في لوحة التفاصيل)'],
    ['f', 'تشخيص وإصلاح (للضباط فأعلى)'],
    ['e', 'تصعيد البلاغ المحدد (للمشرفين فأعلى)'],
    ['r', 'إغلاق البلاغ المحدد (يطلب ملخصًا)'],
    ['p', 'أدلة الإجراءات للبلاغ أو الموقع المحدد: اختر، أكّد بـ y أو n، وتابع التشغيل'],
    ['c', 'عند انقطاع المركز: أعد محاولة الاتصال الآن'],
    ['?', 'إظهار المساعدة أو إخفاؤها'],
    ['q', 'خروج'],
  ],
  tileLegend: 'المربعات: رمز الحالة (· سليم ▲ متأثر ✖ متوقف؛ وحرف بدلًا منه: وضع الموقع O دون اتصال S ذروة E إخلاء P طاقة احتياطية N معزول؛ M صيانة، Q مكتوم)، الموقع، الانتظار بالدقائق، البلاغات المفتوحة.',
  slaLegend: 'مؤقتات المهلة تصفرّ عند 75% من الهدف وتحمرّ بعده (sev1: استلام 5د، إغلاق 1س).',
};

export type UiText = UiWords & { labels: Labels };

const BY_LANG: Record<Lang, UiText> = { en: { ...EN, labels: labelsFor('en') }, ar: { ...AR, labels: labelsFor('ar') } };

/** The UI's words and the shared labels (names, regions, health, verdicts), in one language. */
export function uiWords(lang: Lang): UiText {
  return BY_LANG[lang];
}

/** "3 healthy, 1 technician dispatched", in verdict order. */
export function verdictCounts(verdicts: readonly DiagVerdict[], words: UiText): string {
  if (verdicts.length === 0) return words.labels.t('none');
  return DIAG_VERDICTS.map((v) => [v, verdicts.filter((x) => x === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => words.verdictCount(v, n))
    .join(words.listSeparator);
}
