// The one container of the terminal UI: it owns the keys and the CoreClient
// calls (the live feed here, the action keys through actions.ts); everything
// it draws is a component that takes props.
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CoreClient } from '../core/client.js';
import type { HubEvent } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import { createActions, type ActionClient } from './actions.js';
import { windowedBatch } from './batch.js';
import { DetailPane } from './detail-pane.js';
import { FleetWall } from './fleet-wall.js';
import { HelpOverlay } from './help-overlay.js';
import { IncidentQueue } from './incident-queue.js';
import { wallColumns } from './layout.js';
import { followHub, retryTrigger } from './live-feed.js';
import { createPlaybookActions, type PlaybookClient } from './playbook-actions.js';
import { playbookKey, type PlaybookEffect } from './playbook-flow.js';
import { PlaybookPane } from './playbook-pane.js';
import { SelectedSiteLine, selectedSiteRows } from './selected-site.js';
import {
  initialState,
  reduce,
  selectedIncident,
  selectedSite,
  visibleGroups,
  visibleIncidents,
  type Action,
  type Direction,
  type ViewState,
} from './state.js';
import { StaleBanner, StatusLine } from './status-line.js';
import { SummaryPrompt } from './summary-prompt.js';
import { uiWords } from './ui-labels.js';
import { lineHeight, pageAt, planWall } from './wall-pages.js';
import { WallTiles } from './wall-tiles.js';
import { useWaitTrend, type WaitHistoryClient, type WaitTrend } from './wait-history.js';

// Wait history is optional: without it the sparkline draws what arrives live.
// So are playbooks: without them `p` says the hub has none.
export type WatchClient = Pick<CoreClient, 'fleetStatus' | 'listIncidents' | 'events'> & ActionClient & Partial<WaitHistoryClient> & Partial<PlaybookClient>;

export interface WatchAppProps {
  client: WatchClient;
  now?: () => Date;
  /** Fixed size (tests); by default the terminal's, following resizes. */
  width?: number;
  height?: number;
  /** Backoff between reconnects (tests shorten it). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Site names, regions and kinds in English or Arabic (--lang ar). */
  lang?: Lang;
  /** A video wall: large tiles where they fit, and no keys. */
  wall?: boolean;
}

const TICK_MS = 1_000;
/** How much later than a second the clock's own move comes after events (their next batch usually moves it first). */
const TICK_AFTER_EVENTS_MS = 250;
/** How long events gather before they are drawn: about one frame. */
export const EVENT_WINDOW_MS = 16;
const WALL_QUEUE_MIN_ROWS = 3;

export function WatchApp({ client, now = () => new Date(), width, height, sleep, lang = 'en', wall = false }: WatchAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const columns = width ?? size.columns;
  const rows = height ?? size.rows;
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  const [clock, setClock] = useState(now);
  // The clock moves with every drawn batch of events, and on its own a second
  // after its last move — a little more after events, so that a stream with
  // a report a second (the simulator's) keeps moving it without a frame of
  // the clock's own between: timers and events share frames.
  const tick = useRef<NodeJS.Timeout | undefined>(undefined);
  const advanceClock = useMemo(() => {
    const advance = (next: number = TICK_MS) => {
      clearTimeout(tick.current);
      setClock(now());
      tick.current = setTimeout(advance, next);
    };
    return advance;
  }, []);
  const retry = useMemo(retryTrigger, []);
  // Ink draws a frame before React swaps in the new input handler, so a key
  // pressed right after a frame must read the state through a ref, not a closure.
  const current = useRef(state);
  current.current = state;
  const actions = useMemo(
    () => createActions({ client, dispatch, state: () => current.current, words: uiWords(lang) }),
    [client, lang],
  );
  const playbooks = useMemo(() => createPlaybookActions({ client, dispatch, state: () => current.current, lang }), [client, lang]);

  // Hub events are drawn as they arrive: a burst gathered within one frame's
  // time (the simulator's 103 reports come together) costs one redraw, and
  // Ink's frame cap spaces the rest.
  const events = useMemo(
    () =>
      windowedBatch<HubEvent>(EVENT_WINDOW_MS, (batch) => {
        dispatch({ type: 'events', events: batch });
        advanceClock(TICK_MS + TICK_AFTER_EVENTS_MS);
        void playbooks.onEvents(batch);
      }),
    [playbooks],
  );

  useEffect(() => {
    const controller = new AbortController();
    void followHub({
      client,
      signal: controller.signal,
      sleep,
      events,
      retryNow: retry,
      onSnapshot: (fleet, incidents) => dispatch({ type: 'snapshot', fleet, incidents }),
      onFleet: (fleet) => dispatch({ type: 'fleet', fleet }),
      onConnected: () => dispatch({ type: 'connected' }),
      onDisconnected: (e, retryInMs) =>
        dispatch({ type: 'disconnected', at: now(), retryInMs, reason: e instanceof Error ? e.message : String(e) }),
    });
    return () => controller.abort();
  }, [client]);

  // SLA timers, the banner's countdown and a wall's pages run on the second.
  useEffect(() => {
    tick.current = setTimeout(() => advanceClock(), TICK_MS);
    return () => {
      clearTimeout(tick.current);
      events.cancel();
    };
  }, []);

  useInput((input, key) => {
    const action = keyAction(current.current, input, key, wallColumns(columns));
    switch (action) {
      case undefined:
        return;
      case 'quit':
        return exit();
      case 'ack':
        return void actions.ack();
      case 'detail':
        return void actions.detail();
      case 'diagnose':
      case 'fix':
        return void actions.diagnose(action === 'fix');
      case 'escalate':
        return void actions.escalate();
      case 'askResolve':
        return actions.askResolve();
      case 'submitResolve':
        return void actions.submitResolve();
      case 'playbooks':
        return void playbooks.open();
      case 'playbookPlan':
        return void playbooks.plan();
      case 'playbookStart':
        return void playbooks.start();
      case 'retryNow':
        dispatch({ type: 'retryNow', at: now() });
        return retry.fire();
      default:
        dispatch(action);
    }
  }, { isActive: !wall });

  const trend = useWaitTrend({ client, site: wall ? undefined : selectedSite(state), now: clock, clock: now });
  return <WatchScreen state={state} width={columns} height={rows} now={clock} lang={lang} wall={wall} trend={trend} />;
}

export interface WatchScreenProps {
  state: ViewState;
  width: number;
  height: number;
  now: Date;
  lang?: Lang;
  wall?: boolean;
  /** The selected site's wait over the last hour (the sparkline). */
  trend?: WaitTrend | undefined;
}

/** Everything on screen for one view state: the container's drawing, without its effects. */
export function WatchScreen({ state, width, height, now, lang = 'en', wall = false, trend }: WatchScreenProps) {
  // One line short of the terminal, so Ink redraws in place instead of scrolling.
  const usable = Math.max(8, height - 1);
  const banner = state.connection.state === 'stale' ? 1 : 0;
  // Kept while what they come from is unchanged, so the memoised wall and queue skip a clock tick.
  const groups = useMemo(() => visibleGroups(state), [state.fleet, state.grouping, state.filter]);
  const incidents = useMemo(
    () => visibleIncidents(state),
    // Sites matter to the queue only under a filter.
    [state.incidents, state.filter, state.filter.trim() ? state.fleet : null],
  );
  const queueRows = Math.min(Math.max(1, incidents.length), Math.max(3, Math.floor(usable / 3)));
  // Banner, selected-site line, queue heading and rows, status line.
  const wallRows = Math.max(2, usable - banner - selectedSiteRows(trend) - (1 + queueRows) - 1);
  const site = selectedSite(state, groups);
  const incident = selectedIncident(state, incidents);
  const words = uiWords(lang);
  // A wall's pages: laid out again only when the sites or the screen change.
  const tileRows = usable - banner - 1 - WALL_QUEUE_MIN_ROWS - 1;
  const plan = useMemo(() => (wall ? planWall(groups, width, tileRows) : undefined), [wall, groups, width, tileRows]);
  if (plan) {
    // No selection line on a wall, and no keys: every site is on screen within
    // one turn of its pages; the queue takes what the tiles leave.
    const page = pageAt(plan.pages.length, now);
    const lines = plan.pages[page] ?? [];
    const used = lines.reduce((n, line) => n + lineHeight(line, plan.style), 0);
    const wallQueueRows = Math.max(WALL_QUEUE_MIN_ROWS, usable - banner - used - 1 - 1);
    return (
      <Box flexDirection="column" width={width}>
        <StaleBanner connection={state.connection} now={now} keys={false} lang={lang} />
        {!state.fleet ? (
          <Text dimColor>{words.loadingFleet}</Text>
        ) : (
          <>
            {groups.length === 0 ? <Text dimColor>{words.noSiteMatches}</Text> : <WallTiles lines={lines} style={plan.style} grouping={state.grouping} lang={lang} />}
            <IncidentQueue incidents={incidents} selectedIncidentId={undefined} focused={false} width={width} rows={wallQueueRows} now={now} lang={lang} />
          </>
        )}
        <StatusLine
          connection={state.connection}
          grouping={state.grouping}
          filter=""
          editingFilter={false}
          message={null}
          width={width}
          keys={false}
          lang={lang}
          mode={state.fleet?.mode}
          page={plan.pages.length > 1 ? { page: page + 1, pages: plan.pages.length } : undefined}
        />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <StaleBanner connection={state.connection} now={now} lang={lang} />
      {state.help ? (
        <HelpOverlay lang={lang} />
      ) : state.playbook ? (
        <PlaybookPane flow={state.playbook} width={width} rows={usable - banner - 1} lang={lang} />
      ) : state.detail ? (
        <DetailPane
          detail={state.detail}
          run={state.runs[state.detail.id]}
          width={width}
          rows={usable - banner - 1}
          now={now}
          lang={lang}
          trend={state.detail.kind === 'site' && site?.id === state.detail.id ? trend : undefined}
        />
      ) : !state.fleet ? (
        <Text dimColor>{words.loadingFleet}</Text>
      ) : (
        <>
          <FleetWall
            groups={groups}
            grouping={state.grouping}
            selectedSiteId={site?.id}
            focused={state.focus === 'wall'}
            width={width}
            rows={wallRows}
            lang={lang}
          />
          <SelectedSiteLine site={site} width={width} lang={lang} trend={trend} />
          <IncidentQueue
            incidents={incidents}
            selectedIncidentId={incident?.id}
            focused={state.focus === 'queue'}
            width={width}
            rows={queueRows}
            now={now}
            lang={lang}
          />
        </>
      )}
      {state.prompt ? (
        <SummaryPrompt prompt={state.prompt} width={width} lang={lang} />
      ) : (
        <StatusLine
          connection={state.connection}
          grouping={state.grouping}
          filter={state.filter}
          editingFilter={state.editingFilter}
          message={state.message}
          width={width}
          lang={lang}
          mode={state.fleet?.mode}
        />
      )}
    </Box>
  );
}

interface Key {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  meta: boolean;
}

const MOVES: Record<string, Direction> = { h: 'left', j: 'down', k: 'up', l: 'right' };

/** Keys that call the hub or leave: the container runs these; the rest are reducer actions. */
export type KeyEffect = 'quit' | 'ack' | 'detail' | 'diagnose' | 'fix' | 'escalate' | 'askResolve' | 'submitResolve' | 'playbooks' | 'retryNow' | PlaybookEffect;

// The action keys, the same on the wall, the queue and in a detail pane.
const ACTION_KEYS: Readonly<Record<string, KeyEffect>> = {
  a: 'ack',
  d: 'diagnose',
  f: 'fix',
  e: 'escalate',
  r: 'askResolve',
  p: 'playbooks',
};

/** What a key press means in this state: an action for the reducer, or one of the effects. */
export function keyAction(state: ViewState, input: string, key: Key, columns: number): Action | KeyEffect | undefined {
  // An open prompt has the keyboard to itself.
  if (state.prompt) {
    if (key.escape) return { type: 'closePrompt' };
    if (key.return) return state.prompt.text.trim() ? 'submitResolve' : { type: 'refusePrompt' };
    if (key.backspace || key.delete) return { type: 'editPrompt', text: [...state.prompt.text].slice(0, -1).join('') };
    if (input && !key.ctrl && !key.meta && !key.tab) return { type: 'editPrompt', text: state.prompt.text + input };
    return undefined;
  }
  // So does the playbook flow (p): its list, its confirmation, its run.
  if (state.playbook) return playbookKey(state.playbook, input, key);
  if (state.editingFilter) {
    if (key.return) return { type: 'endFilter', keep: true };
    if (key.escape) return { type: 'endFilter', keep: false };
    if (key.backspace || key.delete) return { type: 'editFilter', text: [...state.filter].slice(0, -1).join('') };
    if (input && !key.ctrl && !key.meta && !key.tab) return { type: 'editFilter', text: state.filter + input };
    return undefined;
  }
  // While the hub is out of reach, c tries now (from any screen but a prompt or the filter line).
  if (input === 'c' && state.connection.state === 'stale') return 'retryNow';
  if (state.help) {
    if (input === '?' || key.escape) return { type: 'toggleHelp' };
    return input === 'q' ? 'quit' : undefined;
  }
  if (state.detail) {
    if (key.return || key.escape) return { type: 'closeDetail' };
    const effect = ACTION_KEYS[input];
    // A site has no acknowledging, escalating or resolving; diagnostics work on both.
    if (effect && (state.detail.kind === 'incident' || effect === 'diagnose' || effect === 'fix' || effect === 'playbooks')) return effect;
    return input === 'q' ? 'quit' : undefined;
  }
  if (key.return) return 'detail';
  const direction: Direction | undefined = key.upArrow
    ? 'up'
    : key.downArrow
      ? 'down'
      : key.leftArrow
        ? 'left'
        : key.rightArrow
          ? 'right'
          : MOVES[input];
  if (direction) return { type: 'move', direction, columns };
  if (key.tab) return { type: 'switchPane' };
  switch (input) {
    case 'q':
      return 'quit';
    case 'g':
      return { type: 'toggleGrouping' };
    case '/':
      return { type: 'startFilter' };
    case '?':
      return { type: 'toggleHelp' };
    default:
      return ACTION_KEYS[input] ?? (key.escape && state.filter ? { type: 'endFilter', keep: false } : undefined);
  }
}

function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
