// The open incidents, most severe and oldest first, each with the SLA timer
// it is running against (time to acknowledge, then time to resolve).
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Incident } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import { SEVERITY_COLOUR, SLA_COLOUR, fit, padTo, scrollWindow } from './look.js';
import { formatElapsed, formatTarget, slaTimer } from './sla.js';
import { styled } from './styled.js';
import { uiWords } from './ui-labels.js';

export interface IncidentQueueProps {
  /** Already in queue order (layout.sortIncidents). */
  incidents: readonly Incident[];
  selectedIncidentId: string | undefined;
  focused: boolean;
  width: number;
  /** Lines for the rows, the heading not included. */
  rows: number;
  now: Date;
  lang?: Lang;
}

const STATE_WIDTH = 6;
const SITE_WIDTH = 10;
const TIMER_WIDTH = 20;

export const IncidentQueue = memo(function IncidentQueue({ incidents, selectedIncidentId, focused, width, rows, now, lang = 'en' }: IncidentQueueProps) {
  const words = uiWords(lang);
  const focus = Math.max(0, incidents.findIndex((i) => i.id === selectedIncidentId));
  const { start, end } = scrollWindow(incidents.length, focus, Math.max(1, rows));
  return (
    <Box flexDirection="column">
      <Text bold>
        {focused ? '▶ ' : ''}
        {words.incidentsHeading} <Text dimColor>{words.openCount(incidents.length, end - start < incidents.length ? `${start + 1}–${end}` : '')}</Text>
      </Text>
      {incidents.length === 0 ? <Text dimColor>{words.labels.t('noIncidents')}</Text> : null}
      {incidents.slice(start, end).map((incident) => (
        <IncidentRow
          key={incident.id}
          incident={incident}
          selected={incident.id === selectedIncidentId}
          focused={focused}
          width={width}
          now={now}
          lang={lang}
        />
      ))}
    </Box>
  );
});

export interface IncidentRowProps {
  incident: Incident;
  selected: boolean;
  focused: boolean;
  width: number;
  now: Date;
  lang?: Lang;
}

/** One Text per row; memoised, so only the rows whose incident changed are drawn again between clock ticks. */
export const IncidentRow = memo(function IncidentRow({ incident, selected, focused, width, now, lang = 'en' }: IncidentRowProps) {
  return (
    <Text inverse={selected && focused} underline={selected && !focused} wrap="truncate-end">
      {incidentRowText(incident, width, now, lang)}
    </Text>
  );
});

/** sev1 INC-000042 ack  RUH        ack 4:05/5m       title… — severity and timer in their colours. */
export function incidentRowText(incident: Incident, width: number, now: Date, lang: Lang): string {
  const words = uiWords(lang);
  const sla = slaTimer(incident, now);
  const timer = `${words.slaShort(sla.target)} ${formatElapsed(sla.elapsedMs)}/${formatTarget(sla.targetMs, lang)}`;
  const state = words.shortState(incident.state);
  const fixed = 5 + 11 + STATE_WIDTH + SITE_WIDTH + 1 + TIMER_WIDTH + 1;
  return (
    styled(`${incident.severity} `, { color: SEVERITY_COLOUR[incident.severity] }) +
    incident.id.padEnd(11) +
    padTo(fit(state, STATE_WIDTH - 1), STATE_WIDTH) +
    padTo(fit(incident.siteId ?? words.platform, SITE_WIDTH), SITE_WIDTH) +
    ' ' +
    styled(padTo(timer, TIMER_WIDTH), { color: SLA_COLOUR[sla.tone], bold: sla.tone === 'red' }) +
    ' ' +
    fit(`${incident.flapping ? '~ ' : ''}${incident.title}${incident.childCount ? ` (+${incident.childCount})` : ''}`, width - fixed)
  );
}
