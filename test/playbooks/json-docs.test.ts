// docs/json.md is the --json contract: the playbook shapes it documents are
// the fields the allowlists publish, and every playbook verb has its row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaybookHistory, PlaybookSummary } from '../../src/core/model.js';
import { HANDOVER_FIELDS, HANDOVER_SUMMARY_FIELDS } from '../../src/render/handovers.js';
import { REMOTE_KPI_FIELDS } from '../../src/render/json.js';
import { KPI_MEASURE_FIELDS, KPI_REPORT_FIELDS } from '../../src/render/kpi-json.js';
import { PLAYBOOK_SUMMARY_FIELDS, playbookHistoryJson, playbookValidationJson, proposalJson } from '../../src/render/playbook-json.js';
import { breachesJson } from '../../src/render/breaches-json.js';
import { siteForecastJson } from '../../src/render/json.js';

const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'json.md'), 'utf8');

/** The bullet of a shared object, up to the next one. */
function bullet(name: string): string {
  const start = DOC.indexOf(`- **${name}**`);
  expect(start, name).toBeGreaterThanOrEqual(0);
  const end = DOC.indexOf('\n- **', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** The first backticked word of each field a bullet lists, before any parenthesis or braces. */
const fieldsOf = (text: string) => [...text.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]!);

const summary: PlaybookSummary = {
  id: 'p', version: 1, title: { en: 'p', ar: 'p' }, description: { en: 'p', ar: 'p' }, severity: 'sev2', scope: {}, triggers: [],
  auto: false, source: 'built-in', hash: 'h', steps: 1, drillOnlySteps: 0,
};

describe('docs/json.md, playbooks', () => {
  it('PlaybookSummary lists exactly the fields published', () => {
    const documented = fieldsOf(bullet('PlaybookSummary')).filter((f) => (PLAYBOOK_SUMMARY_FIELDS as readonly string[]).includes(f) || !/^(en|ar|match|siteKinds|regions|built|key)$/.test(f));
    expect([...new Set(documented)]).toEqual([...PLAYBOOK_SUMMARY_FIELDS]);
  });

  it('PlaybookProposal and PlaybookFileError match their JSON', () => {
    expect(Object.keys(proposalJson({ playbook: summary, trigger: { index: 0, match: {} } }))).toEqual(fieldsOf(bullet('PlaybookProposal')).slice(0, 2));
    const error = playbookValidationJson({ playbooks: [], errors: [{ file: 'f', line: 1, field: 'id', message: 'm' }] }).errors[0]!;
    expect(Object.keys(error)).toEqual([...new Set(fieldsOf(bullet('PlaybookFileError')))].filter((f) => ['file', 'line', 'field', 'message'].includes(f)));
    expect(Object.keys(error)).toEqual(['file', 'line', 'field', 'message']);
  });

  it('every playbook verb has its row, and history’s row names the fields it prints', () => {
    for (const verb of ['list', 'show', 'validate', 'schema', 'history']) expect(DOC, verb).toContain(`| \`playbook ${verb}\` |`);
    const history: PlaybookHistory = { playbookId: 'p', versions: [{ version: 1, hash: 'h', source: 's', firstSeenAt: 't', current: true, runs: [{ id: 'r', status: 'x', startedAt: 't' }] }] };
    const row = DOC.split('\n').find((l) => l.startsWith('| `playbook history` |'))!;
    const json = playbookHistoryJson(history);
    for (const key of [...Object.keys(json), ...Object.keys(json.versions[0]!), ...Object.keys(json.versions[0]!.runs[0]!)]) expect(row, key).toContain(key);
    expect(DOC).toContain('| `incidents show` | `{ "incident": Incident, "timeline": [TimelineEntry…], "playbooks": [PlaybookProposal…], "children": [Incident…] }`');
  });
});

describe('docs/json.md, kpi', () => {
  it('KpiMeasure and KpiReport list exactly the fields published, and every kpi verb has its row', () => {
    const measure = fieldsOf(bullet('KpiMeasure')).filter((f) => (KPI_MEASURE_FIELDS as readonly string[]).includes(f));
    expect([...new Set(measure)].sort()).toEqual([...KPI_MEASURE_FIELDS].sort());
    const report = fieldsOf(bullet('KpiReport')).filter((f) => (KPI_REPORT_FIELDS as readonly string[]).includes(f));
    expect([...new Set(report)].sort()).toEqual([...KPI_REPORT_FIELDS].sort());
    expect(DOC).toContain('| `kpi` / `kpi summary` | `{ "since", "until", "filter": { siteId, region, kind }, "kpis": [KpiReport…] }`');
    expect(DOC).toContain('| `kpi incidents`, `kpi continuity`, `kpi flow`, `kpi staff`, `kpi satisfaction`, `kpi contact-centre` | KpiReport |');
    const remote = DOC.split('\n').find((l) => l.startsWith('| `kpi remote` |'))!;
    for (const field of [...REMOTE_KPI_FIELDS, ...KPI_REPORT_FIELDS]) expect(remote, field).toContain(field);
  });
});

describe('docs/json.md, handovers', () => {
  it('Handover and HandoverSummary list exactly the fields published, and every handover verb has its row', () => {
    expect(fieldsOf(bullet('Handover'))).toEqual([...HANDOVER_FIELDS]);
    expect(fieldsOf(bullet('HandoverSummary'))).toEqual([...HANDOVER_SUMMARY_FIELDS]);
    expect(DOC).toContain('| `handover` / `handover issue` | `{ "handover": Handover, "writtenTo" }`');
    expect(DOC).toContain('| `handover accept` | `{ "handover": Handover }`');
    expect(DOC).toContain('| `handover show` | `{ "handover": Handover }`');
    expect(DOC).toContain('| `handover list` | `{ "handovers": [HandoverSummary…] }`, newest first |');
  });
});

describe('docs/json.md, forecast', () => {
  it('forecast SITE has its row, naming every field the JSON prints', () => {
    const row = DOC.split('\n').find((l) => l.startsWith('| `forecast SITE` |'))!;
    expect(row).toContain(
      '| `forecast SITE` | `{ "forecast": { siteId, generatedAt, from, method, historyHours, interval, calendar, hours: [{ at, arrivalsPerHour, lower, upper, peaks, predictedWaitMinutes, countersAdvised }…] } }`',
    );
    const json = siteForecastJson({
      siteId: 'RUH', generatedAt: 't', from: 't', method: 'flat', historyHours: 1, interval: 0.9, calendar: 'c',
      hours: [{ at: 't', arrivalsPerHour: 1, lower: 0, upper: 2, peaks: [], predictedWaitMinutes: null, countersAdvised: null }],
    });
    for (const key of [...Object.keys(json.forecast), ...Object.keys(json.forecast.hours[0]!)]) expect(row, key).toContain(key);
  });
});

describe('docs/json.md, forecast --breaches', () => {
  it('has its row, naming every field the JSON prints, and predicted among the incident sources', () => {
    const row = DOC.split('\n').find((l) => l.startsWith('| `forecast --breaches` |'))!;
    expect(row).toContain(
      '| `forecast --breaches` | `{ generatedAt, hours, source, sitesChecked, "breaches": [{ siteId, kind, region, asOf, breachAt, breachHours, worstWaitMinutes, worstAt, waitTargetMinutes, countersOpen, countersAdvised, advisedWithinTarget, countersToOpen, officersOnDuty, officersShort, officersFrom: [{ siteId, distanceKm, officers }…] }…] }`',
    );
    const json = breachesJson({
      generatedAt: 't', hours: 6, source: 'forecast', sitesChecked: 1,
      breaches: [{
        siteId: 'RUH', kind: 'air', region: 'r', asOf: 't', breachAt: 't', breachHours: 1, worstWaitMinutes: null, worstAt: 't', waitTargetMinutes: 30,
        countersOpen: 1, countersAdvised: 2, advisedWithinTarget: true, countersToOpen: 1, officersOnDuty: 1, officersShort: 1, officersFrom: [{ siteId: 'SC', distanceKm: 1, officers: 1 }],
      }],
    });
    for (const key of [...Object.keys(json), ...Object.keys(json.breaches[0]!), ...Object.keys(json.breaches[0]!.officersFrom[0]!)]) expect(row, key).toContain(key);
    expect(DOC).toContain('`source` (`alertmanager|manual|predicted`;');
  });
});
