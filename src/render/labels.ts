// The words on screen, in English and Arabic (--lang ar). JSON never uses them.
import type { DiagVerdict, Health, IncidentState, SiteKind } from '../core/vocabulary.js';
import { REGION_AR } from '../core/regions.js';

export type Lang = 'en' | 'ar';
export const LANGS = ['en', 'ar'] as const;

const EN = {
  site: 'site',
  name: 'name',
  kind: 'kind',
  region: 'region',
  health: 'health',
  wait: 'wait',
  egates: 'e-gates',
  incident: 'incident',
  severity: 'sev',
  state: 'state',
  title: 'title',
  age: 'age',
  owner: 'owner',
  city: 'city',
  staff: 'staff',
  sites: 'sites',
  moreSites: 'more sites',
  openIncidents: 'open incidents',
  platforms: 'platforms',
  assets: 'assets',
  queue: 'queue',
  counters: 'counters',
  reported: 'reported',
  notReported: 'not reported yet',
  minutes: 'min',
  inService: 'in service',
  open: 'open',
  none: 'none',
  noIncidents: 'no open incidents',
  timeline: 'timeline',
  // Chat (issue 4): buttons, incident facts and headings of bot replies.
  acknowledge: 'Acknowledge',
  runDiagnostics: 'Run diagnostics',
  escalate: 'Escalate',
  resolve: 'Resolve',
  resolveSummary: 'What was done to resolve it?',
  resolveConfirm: 'Resolve with this summary',
  asset: 'asset',
  opened: 'opened',
  acknowledgedBy: 'acknowledged by',
  assignee: 'assignee',
  escalations: 'escalations',
  resolvedBy: 'resolved by',
  summary: 'summary',
  children: 'grouped under it',
  parent: 'grouped under',
  flapping: 'flapping',
  fleetStatus: 'Fleet status',
  diagnostics: 'Diagnostics',
  didYouMean: 'Did you mean…',
  commands: 'Commands',
  examples: 'Examples',
  more: 'more',
  degradedPlatforms: 'platforms not ok',
  // Playbooks in chat (issue 12): run cards and their buttons.
  approve: 'Approve',
  acceptHandover: 'Accept handover',
  reject: 'Reject',
  runPlaybook: 'Run playbook',
  waitingOn: 'waiting on',
  startedBy: 'started by',
  playbookRun: 'Playbook run',
  mode: 'mode',
  fleetMode: 'fleet mode',
  // -o wide (issue 13): the columns only the wide lists show.
  worstAsset: 'worst asset',
  nameAr: 'name (ar)',
  coordinates: 'lat,lon',
  neighbour: 'neighbour',
  passengers: 'passengers/yr',
  // The 992 contact centre (issue 15): its column and its line under the status table.
  ai: 'ai',
  inquiriesPerHour: 'inquiries/h',
  callersWaiting: 'waiting',
  aiAnswered: 'answered by the AI agent',
  abandoned: 'abandoned',
} as const;

export type LabelKey = keyof typeof EN;

const AR: Record<LabelKey, string> = {
  site: 'الموقع',
  name: 'الاسم',
  kind: 'النوع',
  region: 'المنطقة',
  health: 'الحالة',
  wait: 'الانتظار',
  egates: 'البوابات',
  incident: 'البلاغ',
  severity: 'الخطورة',
  state: 'الوضع',
  title: 'العنوان',
  age: 'العمر',
  owner: 'المسؤول',
  city: 'المدينة',
  staff: 'الموظفون',
  sites: 'المواقع',
  moreSites: 'مواقع أخرى',
  openIncidents: 'البلاغات المفتوحة',
  platforms: 'المنصات',
  assets: 'الأجهزة',
  queue: 'الطابور',
  counters: 'الكاونترات',
  reported: 'آخر تحديث',
  notReported: 'لم يصل تحديث بعد',
  minutes: 'دقيقة',
  inService: 'في الخدمة',
  open: 'مفتوحة',
  none: 'لا يوجد',
  noIncidents: 'لا توجد بلاغات مفتوحة',
  timeline: 'السجل',
  acknowledge: 'استلام',
  runDiagnostics: 'تشغيل التشخيص',
  escalate: 'تصعيد',
  resolve: 'إغلاق',
  resolveSummary: 'ما الذي تم لإغلاقه؟',
  resolveConfirm: 'إغلاق بهذا الملخص',
  approve: 'موافقة',
  acceptHandover: 'استلام المناوبة',
  reject: 'رفض',
  runPlaybook: 'تشغيل خطة الاستجابة',
  waitingOn: 'بانتظار',
  startedBy: 'بدأها',
  playbookRun: 'تشغيل خطة استجابة',
  mode: 'الوضع',
  fleetMode: 'وضع المنافذ',
  worstAsset: 'أسوأ جهاز',
  nameAr: 'الاسم بالعربية',
  coordinates: 'الإحداثيات',
  neighbour: 'الدولة المجاورة',
  passengers: 'المسافرون سنوياً',
  ai: 'الوكيل الآلي',
  inquiriesPerHour: 'استفسار/ساعة',
  callersWaiting: 'في الانتظار',
  aiAnswered: 'أجاب عنها الوكيل الآلي',
  abandoned: 'أُغلقت قبل الرد',
  asset: 'الجهاز',
  opened: 'فُتح',
  acknowledgedBy: 'استلمه',
  assignee: 'المكلَّف',
  escalations: 'مرات التصعيد',
  resolvedBy: 'أغلقه',
  summary: 'الملخص',
  children: 'الحوادث المجمّعة تحته',
  parent: 'مجمّعة تحت',
  flapping: 'متذبذب',
  fleetStatus: 'حالة المواقع',
  diagnostics: 'التشخيص',
  didYouMean: 'هل تقصد…',
  commands: 'الأوامر',
  examples: 'أمثلة',
  more: 'أخرى',
  degradedPlatforms: 'منصات غير سليمة',
};

const HEALTH_AR: Record<Health, string> = { ok: 'سليم', degraded: 'متأثر', down: 'متوقف' };
const KIND_AR: Record<SiteKind, string> = { air: 'جوي', land: 'بري', sea: 'بحري', 'service-centre': 'مركز خدمة', 'contact-centre': 'مركز اتصال' };
const VERDICT_EN: Record<DiagVerdict, string> = {
  healthy: 'healthy',
  fixed: 'fixed remotely',
  mitigated: 'mitigated remotely',
  dispatched: 'technician dispatched',
  unreachable: 'unreachable',
  planned: 'planned (nothing changed)',
};
const VERDICT_AR: Record<DiagVerdict, string> = {
  healthy: 'سليم',
  fixed: 'أُصلح عن بُعد',
  mitigated: 'خُفّف أثره عن بُعد',
  dispatched: 'أُرسل فني',
  unreachable: 'تعذّر الوصول',
  planned: 'مخطط (لم يتغير شيء)',
};
const STATE_AR: Record<IncidentState, string> = {
  triggered: 'جديد',
  acknowledged: 'مستلم',
  dispatched: 'أُرسل فني',
  resolved: 'مغلق',
};

export interface Labels {
  t(key: LabelKey): string;
  /** A table column heading: upper case where the script has case. */
  header(key: LabelKey): string;
  health(h: Health): string;
  kind(k: SiteKind): string;
  state(s: IncidentState): string;
  verdict(v: DiagVerdict): string;
  siteName(name: { en: string; ar: string }): string;
  /** A site's city; in Arabic, its Arabic name where the fleet has one (a hub from before has none). */
  city(site: { city: string; cityAr?: string | null }): string;
  /** A region's name; one the table does not know is shown as it came. */
  region(name: string): string;
}

/**
 * `codes`: health, kinds and states stay the codes the hub uses whatever the
 * language — piped text is read by scripts (`cut -f3`, `grep degraded`) that
 * must not break when a duty officer's profile says Arabic.
 */
export function labelsFor(lang: Lang, { codes = false }: { codes?: boolean } = {}): Labels {
  const ar = lang === 'ar';
  const words = ar && !codes;
  return {
    t: (key) => (ar ? AR[key] : EN[key]),
    header: (key) => (ar ? AR[key] : EN[key].toUpperCase()),
    health: (h) => (words ? HEALTH_AR[h] : h),
    kind: (k) => (words ? KIND_AR[k] : k),
    state: (s) => (words ? STATE_AR[s] : s),
    verdict: (v) => (ar ? VERDICT_AR[v] : VERDICT_EN[v]),
    siteName: (name) => (ar ? name.ar : name.en),
    city: (site) => (ar && site.cityAr ? site.cityAr : site.city),
    region: (name) => (ar ? (REGION_AR[name] ?? name) : name),
  };
}

/** The labels for a renderer's output: words for a person at a terminal, codes where it is piped. */
export function labelsForView(view: { lang: Lang; tty: boolean }): Labels {
  return labelsFor(view.lang, { codes: !view.tty });
}
