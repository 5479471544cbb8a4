// The terminal UI's state: hub data in (a snapshot, then events), keys in,
// one view state out. Pure, so every transition is a unit test.
import type { DiagEvent, FleetStatus, HubEvent, Incident, IncidentDetail, SeverityCounts, SiteDetail, SiteStatus, SiteTelemetry } from '../core/model.js';
import { inertView } from '../render/inert-text.js';
import { groupSites, queueIncidents, wallRows, type Grouping, type SiteGroup } from './layout.js';
import { isPlaybookAction, reducePlaybook, type PlaybookAction, type PlaybookFlow } from './playbook-flow.js';

export type Pane = 'wall' | 'queue';
export type Direction = 'up' | 'down' | 'left' | 'right';

export type Connection =
  | { state: 'connecting' }
  | { state: 'live' }
  /**
   * Since: when the last good data was seen, so the banner can say how old the
   * screen is; retryAt: when the next try starts, so it can count down.
   */
  | { state: 'stale'; since: Date; retryAt: Date; reason: string };

export interface StatusMessage {
  text: string;
  tone: 'info' | 'error';
}

/** What the detail pane shows: asked for (data null while it loads), then loaded. */
export type Detail =
  | { kind: 'site'; id: string; data: SiteDetail | null }
  | { kind: 'incident'; id: string; data: IncidentDetail | null };

/** One diagnostics run (d, f) on a site or incident: the latest news from each asset, in the order they first spoke. */
export interface DiagRun {
  target: string;
  fix: boolean;
  assets: Array<{ assetId: string; last: DiagEvent }>;
  /** Errors of the run itself (not of one asset). */
  errors: string[];
  done: boolean;
}

/** The inline prompt that has the keyboard (r asks for a resolution summary). */
export interface Prompt {
  kind: 'resolve';
  incidentId: string;
  text: string;
  /** Enter was pressed on an empty summary: the prompt says what is needed. */
  refused: boolean;
}

export interface ViewState {
  fleet: FleetStatus | null;
  /** Open incidents, unsorted (layout sorts them for the queue). */
  incidents: Incident[];
  grouping: Grouping;
  filter: string;
  /** The filter line has the keyboard. */
  editingFilter: boolean;
  focus: Pane;
  selectedSiteId: string | null;
  selectedIncidentId: string | null;
  connection: Connection;
  lastEventId: number | undefined;
  message: StatusMessage | null;
  help: boolean;
  detail: Detail | null;
  prompt: Prompt | null;
  /** Diagnostics runs by target id, kept after they end so the pane can show the result. */
  runs: Readonly<Record<string, DiagRun>>;
  /** `p`: the playbooks for an incident or site, one being confirmed, or the run started from here. */
  playbook: PlaybookFlow | null;
}

export type Action =
  | { type: 'snapshot'; fleet: FleetStatus; incidents: Incident[] }
  /** A fresh fleet status alone (health after an asset changed), the queue kept. */
  | { type: 'fleet'; fleet: FleetStatus }
  | { type: 'event'; event: HubEvent }
  /** A batch of events from the live feed, applied in order as one change. */
  | { type: 'events'; events: readonly HubEvent[] }
  /** An incident as an action of ours returned it, ahead of its event. */
  | { type: 'incident'; incident: Incident }
  | { type: 'connected' }
  | { type: 'disconnected'; at: Date; retryInMs: number; reason: string }
  /** The officer asked for a try now (c): the banner stops counting. */
  | { type: 'retryNow'; at: Date }
  | { type: 'move'; direction: Direction; columns: number }
  | { type: 'switchPane' }
  | { type: 'toggleGrouping' }
  | { type: 'startFilter' }
  | { type: 'editFilter'; text: string }
  | { type: 'endFilter'; keep: boolean }
  | { type: 'toggleHelp' }
  | { type: 'message'; message: StatusMessage | null }
  | { type: 'openDetail'; kind: Detail['kind']; id: string }
  | { type: 'detailLoaded'; detail: Detail }
  | { type: 'closeDetail' }
  | { type: 'openPrompt'; incidentId: string }
  | { type: 'editPrompt'; text: string }
  | { type: 'refusePrompt' }
  | { type: 'closePrompt' }
  | { type: 'diagStarted'; target: string; fix: boolean }
  | { type: 'diagEvent'; target: string; event: DiagEvent }
  | { type: 'diagEnded'; target: string; error: string | null }
  | PlaybookAction;

export function initialState(): ViewState {
  return {
    fleet: null,
    incidents: [],
    grouping: 'kind',
    filter: '',
    editingFilter: false,
    focus: 'wall',
    selectedSiteId: null,
    selectedIncidentId: null,
    connection: { state: 'connecting' },
    lastEventId: undefined,
    message: null,
    help: false,
    detail: null,
    prompt: null,
    runs: {},
    playbook: null,
  };
}

/**
 * The one way into the view state. Every string an action carries (hub data,
 * error messages, what was typed) is made inert first, so no component can
 * draw an escape sequence from outside: Ink passes them through to the terminal.
 */
export function reduce(state: ViewState, action: Action): ViewState {
  return apply(state, inertView(action));
}

function apply(state: ViewState, action: Action): ViewState {
  if (isPlaybookAction(action)) return { ...state, help: false, playbook: reducePlaybook(state.playbook, action) };
  switch (action.type) {
    case 'snapshot':
      return { ...state, fleet: action.fleet, incidents: action.incidents.filter(isOpen) };
    case 'fleet':
      return { ...state, fleet: action.fleet };
    case 'incident':
      return applyIncident(state, action.incident);
    case 'event':
      return applyEvent({ ...state, lastEventId: action.event.id }, action.event);
    case 'events':
      return action.events.reduce((s, event) => apply(s, { type: 'event', event }), state);
    case 'connected':
      return { ...state, connection: { state: 'live' } };
    case 'disconnected':
      // Stale since the first failure, not the latest retry.
      return {
        ...state,
        connection: {
          state: 'stale',
          since: state.connection.state === 'stale' ? state.connection.since : action.at,
          retryAt: new Date(action.at.getTime() + action.retryInMs),
          reason: action.reason,
        },
      };
    case 'retryNow':
      return state.connection.state === 'stale' ? { ...state, connection: { ...state.connection, retryAt: action.at } } : state;
    case 'move':
      return state.focus === 'wall' ? moveOnWall(state, action.direction, action.columns) : moveInQueue(state, action.direction);
    case 'switchPane':
      return { ...state, focus: state.focus === 'wall' ? 'queue' : 'wall' };
    case 'toggleGrouping':
      return { ...state, grouping: state.grouping === 'kind' ? 'region' : 'kind' };
    case 'startFilter':
      return { ...state, editingFilter: true, help: false };
    case 'editFilter':
      return { ...state, filter: action.text };
    case 'endFilter':
      return { ...state, editingFilter: false, filter: action.keep ? state.filter.trim() : '' };
    case 'toggleHelp':
      return { ...state, help: !state.help };
    case 'message':
      return { ...state, message: action.message };
    case 'openDetail':
      return { ...state, help: false, detail: { kind: action.kind, id: action.id, data: null } as Detail };
    case 'detailLoaded':
      // An answer for a pane already closed or moved on is dropped.
      return state.detail?.kind === action.detail.kind && state.detail.id === action.detail.id ? { ...state, detail: action.detail } : state;
    case 'closeDetail':
      return { ...state, detail: null };
    case 'openPrompt':
      return { ...state, help: false, prompt: { kind: 'resolve', incidentId: action.incidentId, text: '', refused: false } };
    case 'editPrompt':
      return state.prompt ? { ...state, prompt: { ...state.prompt, text: action.text, refused: false } } : state;
    case 'refusePrompt':
      return state.prompt ? { ...state, prompt: { ...state.prompt, refused: true } } : state;
    case 'closePrompt':
      return { ...state, prompt: null };
    case 'diagStarted':
      return withRun(state, { target: action.target, fix: action.fix, assets: [], errors: [], done: false });
    case 'diagEvent': {
      const run = state.runs[action.target];
      return run ? withRun(state, applyDiagEvent(run, action.event)) : state;
    }
    case 'diagEnded': {
      const run = state.runs[action.target];
      if (!run) return state;
      return withRun(state, { ...run, done: true, errors: action.error ? [...run.errors, action.error] : run.errors });
    }
  }
}

const isOpen = (i: Incident) => i.state !== 'resolved';

const withRun = (state: ViewState, run: DiagRun): ViewState => ({ ...state, runs: { ...state.runs, [run.target]: run } });

/** An asset's line shows its latest event; a verdict, once in, stays (later noise does not hide it). */
function applyDiagEvent(run: DiagRun, event: DiagEvent): DiagRun {
  if (event.type === 'error' && event.assetId === null) return { ...run, errors: [...run.errors, `${event.code}: ${event.message}`] };
  const assetId = event.assetId!;
  const index = run.assets.findIndex((a) => a.assetId === assetId);
  if (index < 0) return { ...run, assets: [...run.assets, { assetId, last: event }] };
  if (run.assets[index]!.last.type === 'verdict') return run;
  const assets = [...run.assets];
  assets[index] = { assetId, last: event };
  return { ...run, assets };
}

/** A run on this target is under way (a second d or f waits for it). */
export function runActive(state: ViewState, target: string): boolean {
  return state.runs[target]?.done === false;
}

// ---- what is shown and selected ----------------------------------------------

export function visibleGroups(state: ViewState) {
  return groupSites(state.fleet?.sites ?? [], state.grouping, state.filter);
}

export function visibleIncidents(state: ViewState): Incident[] {
  return queueIncidents(state.incidents, state.fleet?.sites ?? [], state.filter);
}

/** The selected site, or the first one shown when the selection is filtered away. */
export function selectedSite(state: ViewState, groups: readonly SiteGroup[] = visibleGroups(state)): SiteStatus | undefined {
  const shown = groups.flatMap((g) => g.sites);
  return shown.find((s) => s.id === state.selectedSiteId) ?? shown[0];
}

export function selectedIncident(state: ViewState, shown: readonly Incident[] = visibleIncidents(state)): Incident | undefined {
  return shown.find((i) => i.id === state.selectedIncidentId) ?? shown[0];
}

function moveOnWall(state: ViewState, direction: Direction, columns: number): ViewState {
  const rows = wallRows(visibleGroups(state), columns);
  const current = selectedSite(state);
  if (!current) return state;
  const row = rows.findIndex((r) => r.includes(current));
  const col = rows[row]!.indexOf(current);
  let target: SiteStatus | undefined;
  if (direction === 'left') target = rows[row]![col - 1] ?? rows[row - 1]?.at(-1);
  else if (direction === 'right') target = rows[row]![col + 1] ?? rows[row + 1]?.[0];
  else {
    const next = rows[direction === 'up' ? row - 1 : row + 1];
    target = next?.[Math.min(col, next.length - 1)];
  }
  return target ? { ...state, selectedSiteId: target.id } : state;
}

function moveInQueue(state: ViewState, direction: Direction): ViewState {
  if (direction === 'left' || direction === 'right') return state;
  const shown = visibleIncidents(state);
  const current = selectedIncident(state);
  if (!current) return state;
  const index = shown.indexOf(current) + (direction === 'up' ? -1 : 1);
  const target = shown[Math.max(0, Math.min(shown.length - 1, index))];
  return target ? { ...state, selectedIncidentId: target.id } : state;
}

// ---- events ------------------------------------------------------------------

function applyEvent(state: ViewState, event: HubEvent): ViewState {
  switch (event.type) {
    case 'incident.created':
    case 'incident.updated':
      return applyIncident(state, event.data as Incident);
    case 'site.telemetry':
      return applyTelemetry(state, event.data as SiteTelemetry);
    default:
      // asset.health changes a site's health by the hub's rules; the container
      // refetches the fleet status for it rather than copying those rules here.
      return state;
  }
}

function applyIncident(state: ViewState, incident: Incident): ViewState {
  const others = state.incidents.filter((i) => i.id !== incident.id);
  const incidents = isOpen(incident) ? [...others, incident] : others;
  // An incident open in detail follows too: resolved elsewhere, its pane stops offering actions.
  const detail = state.detail?.kind === 'incident' && state.detail.id === incident.id && state.detail.data
    ? { ...state.detail, data: { ...state.detail.data, incident } }
    : state.detail;
  if (!state.fleet) return { ...state, incidents, detail };
  const sites = state.fleet.sites.map((site) =>
    site.id.toUpperCase() === incident.siteId?.toUpperCase() ? { ...site, openIncidents: countFor(incidents, site.id) } : site,
  );
  const fleet = { ...state.fleet, sites, totals: { ...state.fleet.totals, openIncidents: counts(incidents) } };
  return { ...state, incidents, fleet, detail };
}

function applyTelemetry(state: ViewState, report: SiteTelemetry): ViewState {
  if (!state.fleet) return state;
  const key = report.siteId.toUpperCase();
  const sites = state.fleet.sites.map((site) =>
    site.id.toUpperCase() === key
      ? {
          ...site,
          waitMinutes: report.waitMinutes,
          queueLength: report.queueLength,
          arrivalsPerHour: report.arrivalsPerHour,
          egates: { ...site.egates, inService: report.egatesInService },
          counters: { ...site.counters, open: report.countersOpen },
          reportedAt: report.at,
        }
      : site,
  );
  return { ...state, fleet: { ...state.fleet, sites } };
}

function countFor(incidents: readonly Incident[], siteId: string): SeverityCounts {
  return counts(incidents.filter((i) => i.siteId?.toUpperCase() === siteId.toUpperCase()));
}

function counts(incidents: readonly Incident[]): SeverityCounts {
  const c: SeverityCounts = { sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 };
  for (const i of incidents) {
    c[i.severity]++;
    c.total++;
  }
  return c;
}
