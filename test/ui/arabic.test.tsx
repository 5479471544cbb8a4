// --lang ar: the UI's own words in Arabic on every screen — wall, queue,
// status line, banner, help, detail panes, diagnostics progress, the summary
// prompt — with only ids, codes and key names left in Latin letters.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { DiagEvent } from '../../src/core/model.js';
import { visibleWidth } from '../../src/render/text-width.js';
import { WatchScreen } from '../../src/ui/app.js';
import { initialState, reduce, type Action, type ViewState } from '../../src/ui/state.js';
import { FLEET, INCIDENTS, INCIDENT_DETAIL, RUH_DETAIL } from '../commands/fixtures.js';

const NOW = new Date('2025-03-01T06:31:00Z');
const AT = '2025-03-01T06:31:00Z';

// What the hub sends is data (titles, asset names, a city, timeline texts); in Arabic here, so the check sees only the UI's words.
const INCIDENTS_AR = INCIDENTS.map((i, n) => ({ ...i, title: n === 0 ? 'توقفت البوابة 42 عن العمل' : 'فقدت الكاميرا 4 البث' }));
const INCIDENT_DETAIL_AR = {
  incident: INCIDENTS_AR[0]!,
  timeline: INCIDENT_DETAIL.timeline.map((e) => ({ ...e, text: 'نص', actor: { ...e.actor, name: 'عمر' } })),
};
const RUH_DETAIL_AR = {
  ...RUH_DETAIL,
  site: { ...RUH_DETAIL.site, city: 'الرياض' },
  assets: RUH_DETAIL.assets.map((a) => ({ ...a, name: 'بوابة' })),
  incidents: [INCIDENTS_AR[0]!],
};

// Latin words the screen may keep: ids and codes (RUH, INC-000042, sev2, RUH/egate-02, card-reader-jam), key names.
const ALLOWED = /^(?:[A-Z][A-Z0-9]*(?:[-/][\w-]+)*|INC-\d+|sev\d|RUH\/[\w-]+|card-reader-jam|restart-service|Enter|Esc|Tab|hjkl|watchfloor|watch|[a-z])$/;

function latinWords(frame: string): string[] {
  return (frame.match(/[A-Za-z][\w/-]*/g) ?? []).filter((w) => !ALLOWED.test(w));
}

function screen(state: ViewState, width = 100, height = 30): string {
  return render(<WatchScreen state={state} width={width} height={height} now={NOW} lang="ar" />).lastFrame()!;
}

const apply = (...actions: Action[]) => actions.reduce(reduce, initialState());
const live = apply({ type: 'snapshot', fleet: FLEET, incidents: INCIDENTS_AR }, { type: 'connected' });

describe('--lang ar', () => {
  it('the wall, the queue and the status line', () => {
    const frame = screen(reduce(live, { type: 'switchPane' }));
    expect(frame).toContain('المنافذ الجوية');
    expect(frame).toContain('البلاغات');
    expect(frame).toMatch(/\(2 مفتوحة\)/);
    expect(frame).toMatch(/sev2 INC-000042 جديد\s+RUH\s+استلام 21:00\/15د/);
    expect(frame).toContain('● مباشر');
    expect(frame).toContain('حسب النوع');
    // The selected-site line belongs to the sparkline work (U2); everything else is checked here.
    const ours = frame.split('\n').filter((l) => !l.includes('مطار الملك عبدالعزيز'));
    expect(latinWords(ours.join('\n'))).toEqual([]);
  });

  it('help, the stale banner, filtering and the summary prompt', () => {
    const help = screen(reduce(live, { type: 'toggleHelp' }));
    expect(help).toContain('watchfloor watch — المفاتيح');
    expect(help).toContain('إغلاق البلاغ المحدد (يطلب ملخصًا)');
    expect(latinWords(help)).toEqual([]);

    const stale = screen(reduce(live, { type: 'disconnected', at: new Date(2025, 2, 1, 9, 5, 7), retryInMs: 2000, reason: 'ECONNREFUSED' }));
    expect(stale).toContain('البيانات غير محدَّثة منذ 09:05:07');
    expect(stale).toContain('● غير محدَّث');

    const filtering = screen(apply({ type: 'snapshot', fleet: FLEET, incidents: INCIDENTS_AR }, { type: 'startFilter' }));
    expect(filtering).toContain('Enter للإبقاء');
    expect(filtering).toContain('موقع أو اسم (عربي أو إنجليزي)');
    expect(latinWords(filtering.split('\n').at(-1)!)).toEqual([]);

    const prompt = screen(reduce(reduce(live, { type: 'openPrompt', incidentId: 'INC-000042' }), { type: 'refusePrompt' }));
    expect(prompt).toContain('إغلاق INC-000042 — الملخص:');
    expect(prompt).toContain('الملخص مطلوب');
    expect(latinWords(prompt.split('\n').at(-1)!)).toEqual([]);
  });

  it('an incident in detail with diagnostics running, and a site in detail', () => {
    const events: DiagEvent[] = [
      { type: 'probe', at: AT, assetId: 'RUH/egate-01', probe: 'health', ok: true, status: 'ok', durationMs: 5, error: null },
      {
        type: 'action', at: AT, assetId: 'RUH/egate-02',
        action: { action: 'restart-service', params: {}, disruptive: false, status: 'done', replayed: false, idempotencyKey: null, message: null, verified: null },
      },
      {
        type: 'verdict', at: AT, assetId: 'RUH/egate-03', siteId: 'RUH', kind: 'egate', verdict: 'dispatched', summary: 'أُرسل فني',
        incidentId: null, dispatchId: null, findings: [], actions: [],
      },
    ];
    const incident = apply(
      { type: 'snapshot', fleet: FLEET, incidents: INCIDENTS_AR },
      { type: 'openDetail', kind: 'incident', id: 'INC-000042' },
      { type: 'detailLoaded', detail: { kind: 'incident', id: 'INC-000042', data: INCIDENT_DETAIL_AR } },
      { type: 'diagStarted', target: 'INC-000042', fix: true },
      ...events.map((event): Action => ({ type: 'diagEvent', target: 'INC-000042', event })),
    );
    const frame = screen(incident);
    expect(frame).toContain('تشخيص وإصلاح INC-000042 جارٍ…');
    expect(frame).toMatch(/RUH\/egate-01\s+جارٍ الفحص…/);
    expect(frame).toMatch(/RUH\/egate-02\s+إجراء restart-service: تم/);
    expect(frame).toMatch(/RUH\/egate-03\s+أُرسل فني: أُرسل فني/);
    expect(frame).toContain('مهلة الاستلام 21:00 من 15د');
    expect(frame).toMatch(/بدء\s+عمر/);
    expect(latinWords(frame)).toEqual([]);

    const site = screen(
      apply(
        { type: 'snapshot', fleet: FLEET, incidents: INCIDENTS_AR },
        { type: 'openDetail', kind: 'site', id: 'RUH' },
        { type: 'detailLoaded', detail: { kind: 'site', id: 'RUH', data: RUH_DETAIL_AR } },
      ),
    );
    expect(site).toContain('3 أجهزة: 2 سليم · 0 متأثر · 1 متوقف');
    expect(site).toContain('أجهزة غير سليمة');
    expect(latinWords(site)).toEqual([]);
  });

  it('Arabic text keeps the queue columns aligned (marks take no column)', () => {
    const frame = screen(reduce(live, { type: 'switchPane' }));
    const rows = frame.split('\n').filter((l) => /^sev\d INC-/.test(l));
    expect(rows).toHaveLength(2);
    // The SLA timer starts at the same terminal column on every row.
    const timerColumn = (row: string) => visibleWidth(row.slice(0, row.search(/استلام|إغلاق/)));
    expect(new Set(rows.map(timerColumn)).size).toBe(1);
  });
});
