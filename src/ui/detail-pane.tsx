// One site or one incident in detail (Enter): a site's assets by health and
// its open incidents; an incident's state, owner and timeline. A diagnostics
// run on it (d, f) shows below the heading, one line per asset, as it goes.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { IncidentDetail, SiteDetail } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import { DiagProgress } from './diag-progress.js';
import { visibleWidth } from '../render/text-width.js';
import { HEALTH_COLOUR, HEALTH_GLYPH, SEVERITY_COLOUR, SLA_COLOUR, clockTime, fit, padTo } from './look.js';
import { formatElapsed, formatTarget, slaTimer } from './sla.js';
import type { Detail, DiagRun } from './state.js';
import { uiWords, type UiText } from './ui-labels.js';
import { WaitSparkline } from './sparkline.js';
import type { WaitTrend } from './wait-history.js';

export interface DetailPaneProps {
  detail: Detail;
  /** A diagnostics run on this site or incident, running or done. */
  run?: DiagRun | undefined;
  width: number;
  /** Lines the pane may use. */
  rows: number;
  now: Date;
  lang?: Lang;
  /** A site's wait over the last hour, under its asset counts. */
  trend?: WaitTrend | undefined;
}

export function DetailPane({ detail, run, width, rows, now, lang = 'en', trend }: DetailPaneProps) {
  const words = uiWords(lang);
  // The run gets up to half the pane (at least its heading and a line); the rest keeps its layout.
  const runRows = run ? Math.max(2, Math.min(run.assets.length + 1 + (run.errors.length ? 1 : 0), Math.floor(rows / 2))) : 0;
  const progress = run ? <DiagProgress run={run} width={width} rows={runRows} lang={lang} /> : null;
  if (!detail.data) {
    return (
      <Box flexDirection="column">
        <Text dimColor>{words.loading(detail.id)}</Text>
        {progress}
      </Box>
    );
  }
  return detail.kind === 'site' ? (
    <SiteDetailPane
      detail={detail.data}
      width={width}
      rows={rows - runRows - (trend ? 1 : 0)}
      words={words}
      progress={progress}
      sparkline={trend ? <WaitSparkline trend={trend} width={width} lang={lang} /> : null}
    />
  ) : (
    <IncidentDetailPane detail={detail.data} width={width} rows={rows - runRows} now={now} words={words} lang={lang} progress={progress} />
  );
}

interface PaneProps {
  width: number;
  rows: number;
  words: UiText;
  progress: ReactNode;
}

function SiteDetailPane({ detail, width, rows, words, progress, sparkline }: PaneProps & { detail: SiteDetail; sparkline: ReactNode }) {
  const { labels } = words;
  const { site, status, assets, incidents } = detail;
  const unhealthy = assets.filter((a) => a.health !== 'ok').sort((a, b) => (a.health === 'down' ? -1 : 0) - (b.health === 'down' ? -1 : 0) || a.id.localeCompare(b.id));
  const count = (h: 'ok' | 'degraded' | 'down') => assets.filter((a) => a.health === h).length;
  // Heading, counts, "not ok" heading, incidents heading, its rows, the footer.
  const incidentRows = Math.min(incidents.length, Math.max(1, Math.floor(rows / 4)));
  const assetRows = Math.max(1, rows - 6 - incidentRows);
  const wait =
    status.waitMinutes === null
      ? ''
      : ` · ${labels.t('wait')} ${Math.round(status.waitMinutes)} ${labels.t('minutes')} · ${labels.t('queue')} ${status.queueLength ?? 0}`;
  return (
    <Box flexDirection="column">
      <Text bold>
        <Text color={HEALTH_COLOUR[status.health]}>{HEALTH_GLYPH[status.health]} </Text>
        {fit(`${site.id} ${labels.siteName(site.name)} · ${labels.region(site.region)} · ${labels.city(site)}`, width - 2)}
      </Text>
      <Text>
        {words.assetsSummary(assets.length)}: <Text color="green">{count('ok')} {labels.health('ok')}</Text> ·{' '}
        <Text color="yellow">{count('degraded')} {labels.health('degraded')}</Text> · <Text color="red">{count('down')} {labels.health('down')}</Text>
        {wait}
      </Text>
      {sparkline}
      {progress}
      <Text bold>{words.notOk(Math.min(assetRows, unhealthy.length), unhealthy.length)}</Text>
      {unhealthy.length === 0 ? <Text dimColor>{words.everyAssetHealthy}</Text> : null}
      {unhealthy.slice(0, assetRows).map((a) => (
        <Text key={a.id} wrap="truncate-end">
          <Text color={HEALTH_COLOUR[a.health]}>{padTo(`${HEALTH_GLYPH[a.health]} ${labels.health(a.health)}`, 11)}</Text>
          {a.id.padEnd(24)} {a.name}
        </Text>
      ))}
      <Text bold>{words.openIncidents(incidents.length)}</Text>
      {incidents.slice(0, incidentRows).map((i) => (
        <Text key={i.id} wrap="truncate-end">
          <Text color={SEVERITY_COLOUR[i.severity]}>{i.severity}</Text> {i.id} {padTo(labels.state(i.state), 12)} {i.title}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">{words.siteFooter}</Text>
    </Box>
  );
}

function IncidentDetailPane({ detail, width, rows, now, words, lang, progress }: PaneProps & { detail: IncidentDetail; now: Date; lang: Lang }) {
  const { labels } = words;
  const { incident, timeline } = detail;
  const resolved = incident.state === 'resolved';
  const sla = resolved ? undefined : slaTimer(incident, now);
  // The whole title, wrapped (up to a quarter of the pane: a title is not a report).
  const heading = `${incident.severity} ${incident.id} ${incident.title}`;
  const titleRows = Math.min(linesAt(heading, width), Math.max(1, Math.floor(rows / 4)));
  // Title, facts, SLA, timeline heading, footer.
  const shown = lastThatFit(timeline, (entry) => linesAt(timelineLine(entry, words), width), Math.max(1, rows - titleRows - 4));
  const facts = [
    labels.state(incident.state),
    incident.siteId ?? words.platform,
    incident.assetId ?? '',
    incident.acknowledgedBy ? words.acknowledgedBy(incident.acknowledgedBy.name) : '',
    incident.assignee ? words.assignedTo(incident.assignee) : '',
    incident.escalations > 0 ? words.escalated(incident.escalations) : '',
  ].filter(Boolean);
  return (
    <Box flexDirection="column">
      <Box height={titleRows} overflow="hidden">
        <Text bold wrap="wrap">
          <Text color={SEVERITY_COLOUR[incident.severity]}>{incident.severity}</Text> {incident.id} {incident.title}
        </Text>
      </Box>
      <Text wrap="truncate-end">{facts.join(' · ')}</Text>
      {sla ? (
        <Text color={SLA_COLOUR[sla.tone]}>{words.slaLong(sla.target, formatElapsed(sla.elapsedMs), formatTarget(sla.targetMs, lang))}</Text>
      ) : (
        <Text dimColor wrap="truncate-end">{words.resolvedWith(incident.summary)}</Text>
      )}
      {progress}
      <Text bold>{words.timeline(shown.length, timeline.length)}</Text>
      {shown.map((entry) => (
        <Text key={entry.id} wrap="wrap">
          <Text dimColor>{clockTime(new Date(entry.at))}</Text> {timelineLine(entry, words).slice(TIME_WIDTH + 1)}
        </Text>
      ))}
      {/* A resolved incident has nothing left to act on: only the way back. */}
      <Text dimColor wrap="truncate-end">{resolved ? words.backFooter : words.incidentFooter}</Text>
    </Box>
  );
}

const TIME_WIDTH = 8;

/** A timeline entry as one line (before wrapping): time, kind, actor, text. */
function timelineLine(entry: IncidentDetail['timeline'][number], words: UiText): string {
  return `${clockTime(new Date(entry.at))} ${padTo(words.timelineKind(entry.kind), 13)} ${padTo(entry.actor.name, 14)} ${entry.text}`;
}

/** Lines `text` takes wrapped at `width` (a hard break starts a line too). */
function linesAt(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(visibleWidth(line) / Math.max(1, width))), 0);
}

/** The last items whose lines fit `rows`, in order (at least the last one). */
function lastThatFit<T>(items: readonly T[], lines: (item: T) => number, rows: number): T[] {
  let used = 0;
  let from = items.length;
  while (from > 0) {
    const next = lines(items[from - 1]!);
    if (used + next > rows && from < items.length) break;
    used += next;
    from--;
  }
  return items.slice(from);
}
