// The watch UI's words for playbooks and site modes, in English and Arabic —
// apart from ui-labels.ts, which holds the rest of the screen's words, so
// each file stays one a reader can take in.
import type { PlaybookRun, RunStep, SiteMode } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import { countOf } from '../render/plural.js';

export interface PlaybookWords {
  loading(target: string): string;
  heading(target: string): string;
  none(target: string): string;
  proposed: string;
  chooseKeys: string;
  planning: string;
  confirmHeading(title: string): string;
  where(site: string | null, incident: string | null): string;
  inputs: string;
  steps(n: number): string;
  confirmKeys: string;
  starting(id: string): string;
  started(run: string): string;
  ended(run: string, status: string): string;
  runKeys: string;
  status(run: Pick<PlaybookRun, 'status' | 'waitingOn'>): string;
  stepStatus(status: RunStep['status']): string;
  mode(mode: SiteMode): string;
  fleetMode(mode: string): string;
}

/** One letter a tile shows in place of its health glyph while the site is not in normal mode. */
export const MODE_LETTER: Readonly<Record<SiteMode, string>> = {
  normal: '',
  'offline-processing': 'O',
  surge: 'S',
  evacuation: 'E',
  'power-backup': 'P',
  'network-isolated': 'N',
};

const EN: PlaybookWords = {
  loading: (t) => `playbooks for ${t}…`,
  heading: (t) => `Playbooks for ${t}`,
  none: (t) => `no playbook is proposed for ${t} or matches its site`,
  proposed: 'proposed',
  chooseKeys: '↑↓ choose · Enter its parameters · Esc back',
  planning: 'reading its parameters…',
  confirmHeading: (title) => `Run ${title}?`,
  where: (site, incident) => [site ? `site ${site}` : 'no site', incident ? `incident ${incident}` : 'no incident'].join(' · '),
  inputs: 'inputs',
  steps: (n) => countOf(n, 'step', 'en'),
  confirmKeys: 'y start · n back · Esc cancel',
  starting: (id) => `starting ${id}…`,
  started: (run) => `${run} started`,
  ended: (run, status) => `${run} ${status}`,
  runKeys: 'Esc close (the run goes on; `watchfloor playbook status` follows it)',
  status: (r) => (r.status === 'waiting' && r.waitingOn ? `waiting on ${r.waitingOn}` : r.status),
  stepStatus: (s) => s,
  mode: (m) => MODE_EN[m],
  fleetMode: (m) => `fleet: ${m}`,
};

const MODE_EN: Record<SiteMode, string> = {
  normal: 'normal',
  'offline-processing': 'offline processing',
  surge: 'surge',
  evacuation: 'evacuation',
  'power-backup': 'power backup',
  'network-isolated': 'network isolated',
};

const MODE_AR: Record<SiteMode, string> = {
  normal: 'معتاد',
  'offline-processing': 'معالجة دون اتصال',
  surge: 'ذروة',
  evacuation: 'إخلاء',
  'power-backup': 'طاقة احتياطية',
  'network-isolated': 'شبكة معزولة',
};

const STATUS_AR: Record<string, string> = {
  running: 'قيد التشغيل',
  waiting: 'بانتظار',
  paused: 'متوقف مؤقتًا',
  succeeded: 'نجح',
  failed: 'فشل',
  aborted: 'أُلغي',
  pending: 'لم يبدأ',
  started: 'جارٍ',
  done: 'تم',
  skipped: 'تُخطّي',
};

const AR: PlaybookWords = {
  loading: (t) => `أدلة الإجراءات لـ ${t}…`,
  heading: (t) => `أدلة الإجراءات لـ ${t}`,
  none: (t) => `لا يوجد دليل إجراءات مقترح لـ ${t} أو مطابق لموقعه`,
  proposed: 'مقترح',
  chooseKeys: '↑↓ اختيار · Enter المعطيات · Esc رجوع',
  planning: 'قراءة المعطيات…',
  confirmHeading: (title) => `تشغيل ${title}؟`,
  where: (site, incident) => [site ? `الموقع ${site}` : 'دون موقع', incident ? `البلاغ ${incident}` : 'دون بلاغ'].join(' · '),
  inputs: 'المعطيات',
  steps: (n) => countOf(n, 'step', 'ar'),
  confirmKeys: 'y تشغيل · n رجوع · Esc إلغاء',
  starting: (id) => `بدء ${id}…`,
  started: (run) => `بدأ ${run}`,
  ended: (run, status) => `${run}: ${STATUS_AR[status] ?? status}`,
  runKeys: 'Esc إغلاق (يستمر التشغيل؛ تابعه بـ `watchfloor playbook status`)',
  status: (r) => (r.status === 'waiting' && r.waitingOn ? `بانتظار ${r.waitingOn}` : (STATUS_AR[r.status] ?? r.status)),
  stepStatus: (s) => STATUS_AR[s] ?? s,
  mode: (m) => MODE_AR[m],
  fleetMode: (m) => `الأسطول: ${m}`,
};

export function playbookWords(lang: Lang): PlaybookWords {
  return lang === 'ar' ? AR : EN;
}
