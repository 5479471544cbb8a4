// A shift handover as Markdown, for the record, the incoming officer and
// `--out FILE.md`: who hands over what, the shift's incidents, work orders,
// playbook runs and approvals waiting, its KPIs against the shift before,
// what is predicted for the next shift, and what is still open (carried from
// earlier handovers marked so). A pure function of the handover; every string
// from outside (titles, names, ids) goes through mdText, so a title cannot
// open a heading, a link, a table cell or an HTML tag. On a terminal the same
// layout is read, not rendered: outside text only loses its control characters
// (terminalText), so "INC-000004" does not read "INC\-000004".
import type { Handover, HandoverDispatch, HandoverIncident, HandoverItem, HandoverRun, KpiSummary, RemoteKpi } from '../core/model.js';
import { formatKpiValue, formatMeasureValue, formatTarget } from './kpi-values.js';
import { mdHead, mdRow, mdText, terminalText } from './markdown-text.js';

/** How outside text is made safe where the handover is shown. */
type Inert = (text: string) => string;

const orNone = (lines: string[], none: string): string[] => (lines.length ? lines : [`- ${none}`]);

function table(header: string[], rows: string[], none: string): string[] {
  return rows.length ? [...mdHead(header), ...rows] : [`- ${none}`];
}

const rate = (k: RemoteKpi) => (k.remoteResolutionRate === null ? '–' : `${Math.round(k.remoteResolutionRate * 100)}%`);
const secs = (s: number | null) => (s === null ? '–' : `${Math.round(s)} s`);

/** The handover's rows and lines with outside text made inert by `md`. */
function parts(md: Inert) {
  const place = (siteId: string | null) => (siteId ? md(siteId) : '–');
  return {
    md,
    incidentRow: (i: HandoverIncident) => mdRow([md(i.id), md(i.severity), md(i.state), place(i.siteId), md(i.title), i.createdAt, i.resolvedAt ?? '–']),
    dispatchRow: (d: HandoverDispatch) => mdRow([md(d.id), md(d.priority), md(d.state), md(d.assetId), md(d.incidentId), d.createdAt, d.closedAt ?? '–']),
    runRow: (r: HandoverRun) => mdRow([md(r.id), md(r.playbookId), md(r.status + (r.waitingOn ? ` (${r.waitingOn})` : '')), r.incidentId ? md(r.incidentId) : '–', md(r.title), r.startedAt]),
    itemLine(i: HandoverItem, carried: ReadonlySet<string>): string {
      const tag = carried.has(i.id) ? ' _(carried over)_' : '';
      return `- **${md(i.id)}** ${md(i.kind)}${i.severity ? ` ${md(i.severity)}` : ''} at ${place(i.siteId)}: ${md(i.title)} — ${md(i.state)}, since ${i.since}${tag}`;
    },
    /** Each KPI's headline figure over the shift, beside the shift before and its target. */
    kpiSummaryTable(summary: KpiSummary): string[] {
      const rows = summary.kpis.flatMap((r) => {
        const m = r.measures.find((x) => x.id === r.headline && x.scope === null);
        if (!m) return [];
        const met = m.met === null ? '' : m.met ? 'met' : 'missed';
        return [mdRow([md(r.kpi), md(m.label), formatMeasureValue(m), formatKpiValue(m.previous, m.unit), formatTarget(m), met])];
      });
      return [...mdHead(['KPI', 'Figure', 'This shift', 'Shift before', 'Target', '']), ...rows, ''];
    },
  };
}

/** The handover as Markdown: a file, the record, chat. */
export const renderHandoverMarkdown = (h: Handover): string => renderHandover(h, parts(mdText));

/** The handover as a terminal shows it: the Markdown's layout, outside text as it came less its control characters. */
export const renderHandoverText = (h: Handover): string => renderHandover(h, parts(terminalText));

function renderHandover(h: Handover, { md, incidentRow, dispatchRow, runRow, itemLine, kpiSummaryTable }: ReturnType<typeof parts>): string {
  const c = h.content;
  const carried = new Set(c.carriedOver.map((i) => i.id));
  const { current, previous } = c.kpis;
  const out: string[] = [
    `# Shift handover ${md(h.id)}`,
    '',
    `- Shift: ${c.shift.from} to ${c.shift.until} (UTC)`,
    `- Issued by **${md(h.issuedBy.name)}** through ${md(h.issuedChannel)} at ${h.issuedAt}`,
    h.acceptedAt && h.acceptedBy
      ? `- Accepted by **${md(h.acceptedBy.name)}**${h.acceptedChannel ? ` through ${md(h.acceptedChannel)}` : ''} at ${h.acceptedAt}`
      : '- **Not yet accepted**',
    `- Previous handover: ${c.previousId ? md(c.previousId) : 'none'}`,
    `- Content sha-256: \`${h.hash}\``,
    '',
    `## Open items (${c.openItems.length}, ${c.carriedOver.length} carried over)`,
    '',
    ...orNone(c.openItems.map((i) => itemLine(i, carried)), 'Nothing open.'),
    '',
    '## Incidents opened in the shift',
    '',
    ...table(['Incident', 'Severity', 'State', 'Site', 'Title', 'Opened', 'Resolved'], c.incidents.opened.map(incidentRow), 'None opened.'),
    '',
    '## Incidents resolved in the shift',
    '',
    ...table(['Incident', 'Severity', 'State', 'Site', 'Title', 'Opened', 'Resolved'], c.incidents.resolved.map(incidentRow), 'None resolved.'),
    '',
    '## Dispatches',
    '',
    ...table(['Work order', 'Priority', 'State', 'Asset', 'Incident', 'Opened', 'Closed'], c.dispatches.map(dispatchRow), 'No work orders.'),
    '',
    '## Playbook runs',
    '',
    ...table(['Run', 'Playbook', 'Status', 'Incident', 'Title', 'Started'], c.playbookRuns.map(runRow), 'No runs.'),
    '',
    '## Pending approvals',
    '',
    ...table(['Run', 'Playbook', 'Status', 'Incident', 'Title', 'Started'], c.pendingApprovals.map(runRow), 'Nothing waits on an approval.'),
    '',
    '## KPIs: this shift against the one before',
    '',
    ...mdHead(['KPI', 'This shift', 'Shift before']),
    mdRow(['Device incidents', String(current.remote.incidents), String(previous.remote.incidents)]),
    mdRow(['Resolved remotely', rate(current.remote), rate(previous.remote)]),
    mdRow(['Dispatched', String(current.remote.dispatched), String(previous.remote.dispatched)]),
    mdRow(['Median time to fix', secs(current.remote.medianSecondsToFix), secs(previous.remote.medianSecondsToFix)]),
    '',
    ...(c.kpis.summary ? ['', ...kpiSummaryTable(c.kpis.summary)] : []),
    ...(c.kpis.pending.length ? [`_Not yet computed by the hub: ${c.kpis.pending.map(md).join(', ')}._`, ''] : []),
    '## Predicted breaches for the next shift',
    '',
    ...(c.predictedBreaches.available
      ? orNone(
          c.predictedBreaches.breaches.map((b) => {
            const wait = b.predictedWaitMinutes === null ? 'a queue growing all hour' : `wait ${b.predictedWaitMinutes} min`;
            return `- ${md(b.siteId)} from ${b.at}: ${wait} against a target of ${b.targetWaitMinutes} min`;
          }),
          'No breach predicted.',
        )
      : [`- _Not available: ${md(c.predictedBreaches.note ?? 'no forecast')}._`]),
    ...(c.predictedBreaches.available && c.predictedBreaches.note ? ['', `_${md(c.predictedBreaches.note)}._`] : []),
    '',
  ];
  return out.join('\n');
}
