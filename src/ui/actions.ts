// What the action keys do: each goes through the CoreClient, so the hub's
// RBAC and audit log apply, and each answers in the status line — a refusal
// in the hub's own words. One call at a time per incident and one
// diagnostics run at a time per target: a second press says so instead.
import type { CoreClient } from '../core/client.js';
import type { Incident } from '../core/model.js';
import { localTimes } from './look.js';
import { selectedIncident, selectedSite, type Action, type ViewState } from './state.js';
import { verdictCounts, type UiText } from './ui-labels.js';

export type ActionClient = Pick<CoreClient, 'ack' | 'escalate' | 'resolve' | 'diagnose' | 'getSite' | 'getIncident'>;

export interface ActionContext {
  client: ActionClient;
  dispatch: (action: Action) => void;
  /** The state as of the last key, not as of when the action was created. */
  state: () => ViewState;
  words: UiText;
}

export interface WatchActions {
  detail(): Promise<void>;
  ack(): Promise<void>;
  escalate(): Promise<void>;
  /** r: open the summary prompt for the selected incident. */
  askResolve(): void;
  /** Enter in the prompt (its text already checked non-empty). */
  submitResolve(): Promise<void>;
  diagnose(fix: boolean): Promise<void>;
}

export function createActions(ctx: ActionContext): WatchActions {
  const { client, dispatch, words } = ctx;
  // Synchronous guards: two presses may land before React draws the first one's state.
  const mutating = new Set<string>();
  const running = new Set<string>();
  const say = (text: string, tone: 'info' | 'error' = 'info') => dispatch({ type: 'message', message: { text, tone } });
  // The hub's words, with its ISO times read as the screen's clock shows times.
  const refused = (id: string, e: unknown) => say(`${id}: ${localTimes(e instanceof Error ? e.message : String(e))}`, 'error');

  /** The incident an action is for: the one in detail, else the queue's selection. */
  function targetIncident(state: ViewState): Incident | undefined {
    if (state.detail?.kind === 'incident') return state.detail.data?.incident ?? state.incidents.find((i) => i.id === state.detail?.id);
    if (state.detail) return undefined;
    return state.focus === 'queue' ? selectedIncident(state) : undefined;
  }

  /** The incident an action is for, if one is selected and still open; else the status line says why not. */
  function incidentOrSay(state: ViewState): Incident | undefined {
    const incident = targetIncident(state);
    if (!incident) say(state.focus === 'queue' && !state.detail ? words.noIncident : words.selectIncident, 'error');
    else if (incident.state === 'resolved') return void say(words.resolvedNoActions(incident.id), 'error');
    return incident;
  }

  async function refreshIncidentDetail(id: string): Promise<void> {
    const state = ctx.state();
    if (state.detail?.kind !== 'incident' || state.detail.id !== id) return;
    dispatch({ type: 'detailLoaded', detail: { kind: 'incident', id, data: await client.getIncident(id) } });
  }

  /** One hub call on an incident, guarded against a second press while it runs. */
  async function mutate(incident: Incident, pending: string, call: () => Promise<{ incident: Incident }>, done: (changed: boolean) => string) {
    if (mutating.has(incident.id)) return say(words.busy(incident.id), 'error');
    mutating.add(incident.id);
    say(pending);
    try {
      const result = (await call()) as { incident: Incident; changed?: boolean };
      dispatch({ type: 'incident', incident: result.incident });
      // The pane shows the timeline: fetch it again so this action is on it.
      await refreshIncidentDetail(incident.id);
      say(done(result.changed !== false));
    } catch (e) {
      refused(incident.id, e);
    } finally {
      mutating.delete(incident.id);
    }
  }

  async function detail(): Promise<void> {
    const state = ctx.state();
    const kind = state.focus === 'wall' ? 'site' : 'incident';
    const target = kind === 'site' ? selectedSite(state) : selectedIncident(state);
    if (!target) return;
    await openDetail(kind, target.id);
  }

  async function openDetail(kind: 'site' | 'incident', id: string): Promise<void> {
    dispatch({ type: 'openDetail', kind, id });
    try {
      dispatch({
        type: 'detailLoaded',
        detail: kind === 'site' ? { kind, id, data: await client.getSite(id) } : { kind, id, data: await client.getIncident(id) },
      });
    } catch (e) {
      dispatch({ type: 'closeDetail' });
      refused(id, e);
    }
  }

  async function diagnose(fix: boolean): Promise<void> {
    const state = ctx.state();
    const target: { kind: 'site' | 'incident'; id: string } | undefined = state.detail
      ? { kind: state.detail.kind, id: state.detail.id }
      : state.focus === 'queue'
        ? optional('incident', selectedIncident(state)?.id)
        : optional('site', selectedSite(state)?.id);
    if (!target) return say(words.noTarget, 'error');
    if (state.detail?.kind === 'incident' && state.detail.data?.incident.state === 'resolved') return say(words.resolvedNoActions(target.id), 'error');
    if (running.has(target.id)) return say(words.diagAlreadyRunning(target.id), 'error');
    running.add(target.id);
    dispatch({ type: 'diagStarted', target: target.id, fix });
    say(words.diagnosing(target.id, fix));
    // Progress shows in the target's detail pane; the run goes on if the officer leaves it.
    const opened = state.detail ? Promise.resolve() : openDetail(target.kind, target.id);
    try {
      const verdicts = await client.diagnose({ target: target.id, fix }, (event) => dispatch({ type: 'diagEvent', target: target.id, event }));
      dispatch({ type: 'diagEnded', target: target.id, error: null });
      say(words.diagFinished(target.id, verdictCounts(verdicts.map((v) => v.verdict), words)));
      await opened;
      // A fix may have changed the incident (dispatched) and its timeline.
      if (target.kind === 'incident') await refreshIncidentDetail(target.id).catch(() => {});
    } catch (e) {
      dispatch({ type: 'diagEnded', target: target.id, error: e instanceof Error ? e.message : String(e) });
      refused(target.id, e);
    } finally {
      running.delete(target.id);
    }
  }

  return {
    detail,
    async ack() {
      const incident = incidentOrSay(ctx.state());
      if (!incident) return;
      await mutate(incident, words.acking(incident.id), () => client.ack(incident.id), (changed) =>
        changed ? words.acked(incident.id) : words.alreadyAcked(incident.id),
      );
    },
    async escalate() {
      const incident = incidentOrSay(ctx.state());
      if (!incident) return;
      await mutate(incident, words.escalating(incident.id), () => client.escalate(incident.id), () => words.escalatedMsg(incident.id));
    },
    askResolve() {
      const incident = incidentOrSay(ctx.state());
      if (!incident) return;
      if (mutating.has(incident.id)) return say(words.busy(incident.id), 'error');
      dispatch({ type: 'openPrompt', incidentId: incident.id });
    },
    async submitResolve() {
      const prompt = ctx.state().prompt;
      if (!prompt) return;
      dispatch({ type: 'closePrompt' });
      const summary = prompt.text.trim();
      const incident = ctx.state().incidents.find((i) => i.id === prompt.incidentId) ?? ({ id: prompt.incidentId } as Incident);
      await mutate(incident, words.resolving(incident.id), () => client.resolve(incident.id, summary), () => words.resolved(incident.id));
    },
    diagnose,
  };
}

const optional = (kind: 'site' | 'incident', id: string | undefined) => (id ? { kind, id } : undefined);
