// What `p` asks of the hub: the playbooks for the selected incident or site
// (the hub's proposals for an incident, and every playbook whose scope covers
// the site), a plan of the chosen one (a dry run: its inputs with defaults,
// the site and incident filled in), the start on the channel tui, and the
// run's later states while it is on screen, fetched again whenever the event
// stream says it moved. Refusals (a viewer starting, a playbook gone) are one
// line in the status bar, in the hub's words.
import type { CoreClient } from '../core/client.js';
import { runRestsWithPeople } from '../core/client/playbook-runs.js';
import type { HubEvent, PlaybookRun, PlaybookSummary, SiteStatus } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import type { PlaybookChoice, PlaybookTarget } from './playbook-flow.js';
import { playbookWords } from './playbook-words.js';
import { selectedIncident, selectedSite, type Action, type ViewState } from './state.js';

export type PlaybookClient = Pick<CoreClient, 'listPlaybooks' | 'incidentPlaybooks' | 'planRun' | 'startRun' | 'getRun'>;

export interface PlaybookActionContext {
  client: Partial<PlaybookClient>;
  dispatch: (action: Action) => void;
  state: () => ViewState;
  lang: Lang;
}

/** A playbook's scope covers a site when each list it has names the site's kind or region. */
export function scopeCovers(scope: PlaybookSummary['scope'], site: Pick<SiteStatus, 'kind' | 'region'>): boolean {
  const kinds = scope.siteKinds ?? [];
  const regions = (scope.regions ?? []).map((r) => r.toLowerCase());
  return (kinds.length === 0 || kinds.includes(site.kind)) && (regions.length === 0 || regions.includes(site.region.toLowerCase()));
}

/** What `p` is for: the pane's incident or site, else the selection of the pane with the keys. */
export function playbookTarget(state: ViewState): PlaybookTarget | undefined {
  if (state.detail) return { kind: state.detail.kind, id: state.detail.id };
  const chosen = state.focus === 'queue' ? selectedIncident(state) : selectedSite(state);
  return chosen ? { kind: state.focus === 'queue' ? 'incident' : 'site', id: chosen.id } : undefined;
}

export function createPlaybookActions(ctx: PlaybookActionContext) {
  const { client, dispatch } = ctx;
  const words = playbookWords(ctx.lang);
  const say = (text: string, tone: 'info' | 'error' = 'info') => dispatch({ type: 'message', message: { text, tone } });
  const refused = (id: string, e: unknown) => say(`${id}: ${e instanceof Error ? e.message : String(e)}`, 'error');
  const flow = () => ctx.state().playbook;
  let following: string | undefined;
  let starting = false;

  function siteOf(state: ViewState, target: PlaybookTarget): SiteStatus | undefined {
    const siteId = target.kind === 'site' ? target.id : state.incidents.find((i) => i.id === target.id)?.siteId;
    return state.fleet?.sites.find((s) => s.id.toUpperCase() === siteId?.toUpperCase());
  }

  async function choicesFor(state: ViewState, target: PlaybookTarget): Promise<PlaybookChoice[]> {
    const [proposals, all] = await Promise.all([
      target.kind === 'incident' ? client.incidentPlaybooks!(target.id) : Promise.resolve([]),
      client.listPlaybooks!(),
    ]);
    const choice = (p: PlaybookSummary, proposed: boolean): PlaybookChoice => ({ id: p.id, title: p.title, severity: p.severity, proposed });
    const site = siteOf(state, target);
    const proposed = proposals.map((p) => choice(p.playbook, true));
    const taken = new Set(proposed.map((c) => c.id));
    const covering = site ? all.filter((p) => !taken.has(p.id) && scopeCovers(p.scope, site)).map((p) => choice(p, false)) : [];
    return [...proposed, ...covering];
  }

  /** The followed run as the hub has it now; its outcome said once it rests. */
  async function refresh(id: string): Promise<void> {
    try {
      const detail = await client.getRun!(id);
      dispatch({ type: 'pbRun', run: detail });
      if (runRestsWithPeople(detail.run)) say(words.ended(id, words.status(detail.run)), detail.run.status === 'failed' || detail.run.status === 'aborted' ? 'error' : 'info');
    } catch (e) {
      refused(id, e);
    }
  }

  /** The run as a start needs it: on the incident (its site comes with it), or on the site. */
  const startInput = (target: PlaybookTarget, playbook: string) => ({ playbook, ...(target.kind === 'incident' ? { incident: target.id } : { site: target.id }) });

  return {
    async open(): Promise<void> {
      const state = ctx.state();
      const target = playbookTarget(state);
      if (!target) return say('nothing selected', 'error');
      if (!client.listPlaybooks || !client.incidentPlaybooks) return say('this hub has no playbooks', 'error');
      dispatch({ type: 'pbOpen', target });
      try {
        const choices = await choicesFor(state, target);
        dispatch({ type: 'pbChoices', choices });
      } catch (e) {
        dispatch({ type: 'pbClose' });
        refused(target.id, e);
      }
    },

    async plan(): Promise<void> {
      const current = flow();
      if (current?.phase !== 'choose') return;
      const choice = current.choices[current.index]!;
      dispatch({ type: 'pbConfirm' });
      try {
        dispatch({ type: 'pbPlan', plan: await client.planRun!(startInput(current.target, choice.id)) });
      } catch (e) {
        dispatch({ type: 'pbBack' });
        refused(choice.id, e);
      }
    },

    async start(): Promise<void> {
      const current = flow();
      if (current?.phase !== 'confirm' || !current.plan || starting) return;
      const { playbookId } = current.plan;
      starting = true;
      say(words.starting(playbookId));
      try {
        const detail = await client.startRun!(startInput(current.target, playbookId));
        following = detail.run.id;
        dispatch({ type: 'pbRun', run: detail });
        say(words.started(detail.run.id));
        // Events of the run that came in before it was followed went by unseen: read it once now.
        await refresh(detail.run.id);
      } catch (e) {
        dispatch({ type: 'pbBack' });
        refused(playbookId, e);
      } finally {
        starting = false;
      }
    },

    /** The stream said something moved: the followed run is fetched again, and its outcome said once it rests. */
    async onEvents(events: readonly HubEvent[]): Promise<void> {
      const id = following;
      const current = flow();
      if (!id || current?.phase !== 'run' || current.run.run.id !== id) return;
      const moved = events.some((e) => (e.type === 'playbook.run' && (e.data as PlaybookRun).id === id) || (e.type === 'playbook.step' && (e.data as { runId?: string }).runId === id));
      if (moved) await refresh(id);
    },
  };
}

export type PlaybookActions = ReturnType<typeof createPlaybookActions>;
