// The open incidents, most severe and oldest first, each with the SLA timer
// it is running against (time to acknowledge, then time to resolve).
import { Box, Text } from 'ink';
import type { Incident } from '../core/model.js';
import { SEVERITY_COLOUR, SLA_COLOUR, fit, scrollWindow } from './look.js';
import { formatElapsed, formatTarget, slaTimer } from './sla.js';

export interface IncidentQueueProps {
  /** Already in queue order (layout.sortIncidents). */
  incidents: readonly Incident[];
  selectedIncidentId: string | undefined;
  focused: boolean;
  width: number;
  /** Lines for the rows, the heading not included. */
  rows: number;
  now: Date;
}

const SITE_WIDTH = 10;
const TIMER_WIDTH = 20;

export function IncidentQueue({ incidents, selectedIncidentId, focused, width, rows, now }: IncidentQueueProps) {
  const focus = Math.max(0, incidents.findIndex((i) => i.id === selectedIncidentId));
  const { start, end } = scrollWindow(incidents.length, focus, Math.max(1, rows));
  return (
    <Box flexDirection="column">
      <Text bold>
        {focused ? '▶ ' : ''}Incidents <Text dimColor>({incidents.length} open{end - start < incidents.length ? `, ${start + 1}–${end}` : ''})</Text>
      </Text>
      {incidents.length === 0 ? <Text dimColor>no open incidents</Text> : null}
      {incidents.slice(start, end).map((incident) => (
        <IncidentRow
          key={incident.id}
          incident={incident}
          selected={incident.id === selectedIncidentId}
          focused={focused}
          width={width}
          now={now}
        />
      ))}
    </Box>
  );
}

export interface IncidentRowProps {
  incident: Incident;
  selected: boolean;
  focused: boolean;
  width: number;
  now: Date;
}

export function IncidentRow({ incident, selected, focused, width, now }: IncidentRowProps) {
  const sla = slaTimer(incident, now);
  const timer = `${sla.target} ${formatElapsed(sla.elapsedMs)}/${formatTarget(sla.targetMs)}`;
  const state = incident.state === 'triggered' ? 'new' : incident.state === 'acknowledged' ? 'ack' : 'disp';
  // sev1 INC-000042 ack  RUH        ack 4:05/5m       title…
  const fixed = 5 + 11 + 5 + SITE_WIDTH + 1 + TIMER_WIDTH + 1;
  return (
    <Text inverse={selected && focused} underline={selected && !focused} wrap="truncate-end">
      <Text color={SEVERITY_COLOUR[incident.severity]}>{incident.severity} </Text>
      {incident.id.padEnd(11)}
      {state.padEnd(5)}
      {fit(incident.siteId ?? 'platform', SITE_WIDTH).padEnd(SITE_WIDTH)}{' '}
      <Text color={SLA_COLOUR[sla.tone]} bold={sla.tone === 'red'}>
        {timer.padEnd(TIMER_WIDTH)}
      </Text>{' '}
      {fit(incident.title, width - fixed)}
    </Text>
  );
}
