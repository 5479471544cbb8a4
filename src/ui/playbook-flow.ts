// The watch UI's `p`: the playbooks for the selected incident or site, one
// chosen, its parameters confirmed, then its run followed in place. A pure
// part of the view state (its own reducer and keys), so every step of the
// flow is a unit test; the container makes the hub calls (playbook-actions.ts).
import type { BilingualText, PlaybookRunDetail, RunPlan, Severity } from '../core/model.js';

export interface PlaybookTarget {
  kind: 'site' | 'incident';
  id: string;
}

export interface PlaybookChoice {
  id: string;
  title: BilingualText;
  severity: Severity;
  /** The hub proposes it for the incident (its triggers match); else its scope covers the site. */
  proposed: boolean;
}

export type PlaybookFlow =
  | { phase: 'loading'; target: PlaybookTarget }
  | { phase: 'choose'; target: PlaybookTarget; choices: PlaybookChoice[]; index: number }
  /** plan: null while the hub plans it (a dry run: inputs with defaults, site and incident filled in). */
  | { phase: 'confirm'; target: PlaybookTarget; choices: PlaybookChoice[]; index: number; plan: RunPlan | null }
  | { phase: 'run'; target: PlaybookTarget; run: PlaybookRunDetail };

export type PlaybookAction =
  | { type: 'pbOpen'; target: PlaybookTarget }
  | { type: 'pbChoices'; choices: PlaybookChoice[] }
  | { type: 'pbMove'; delta: 1 | -1 }
  | { type: 'pbConfirm' }
  | { type: 'pbPlan'; plan: RunPlan }
  | { type: 'pbBack' }
  | { type: 'pbRun'; run: PlaybookRunDetail }
  | { type: 'pbClose' };

export const isPlaybookAction = (action: { type: string }): action is PlaybookAction => action.type.startsWith('pb');

export function reducePlaybook(flow: PlaybookFlow | null, action: PlaybookAction): PlaybookFlow | null {
  switch (action.type) {
    case 'pbOpen':
      return { phase: 'loading', target: action.target };
    case 'pbClose':
      return null;
    case 'pbChoices':
      return flow?.phase === 'loading' ? { phase: 'choose', target: flow.target, choices: action.choices, index: 0 } : flow;
    case 'pbMove':
      if (flow?.phase !== 'choose') return flow;
      return { ...flow, index: Math.max(0, Math.min(flow.choices.length - 1, flow.index + action.delta)) };
    case 'pbConfirm':
      return flow?.phase === 'choose' && flow.choices.length > 0 ? { ...flow, phase: 'confirm', plan: null } : flow;
    case 'pbPlan':
      // A plan for a choice the officer has left behind is dropped.
      return flow?.phase === 'confirm' && flow.choices[flow.index]?.id === action.plan.playbookId ? { ...flow, plan: action.plan } : flow;
    case 'pbBack':
      return flow?.phase === 'confirm' ? { phase: 'choose', target: flow.target, choices: flow.choices, index: flow.index } : flow;
    case 'pbRun':
      // The run started here, then its later states; a late answer for another run is dropped.
      if (flow?.phase === 'run' && flow.run.run.id !== action.run.run.id) return flow;
      return flow ? { phase: 'run', target: flow.target, run: action.run } : flow;
  }
}

/** Keys the container runs (hub calls): plan the chosen playbook, start it. */
export type PlaybookEffect = 'playbookPlan' | 'playbookStart';

interface FlowKey {
  upArrow: boolean;
  downArrow: boolean;
  return: boolean;
  escape: boolean;
}

/** While the flow is open it has the keyboard: what a key means in its phase. */
export function playbookKey(flow: PlaybookFlow, input: string, key: FlowKey): PlaybookAction | PlaybookEffect | undefined {
  if (key.escape) return { type: 'pbClose' };
  switch (flow.phase) {
    case 'loading':
      return undefined;
    case 'choose':
      if (key.upArrow || input === 'k') return { type: 'pbMove', delta: -1 };
      if (key.downArrow || input === 'j') return { type: 'pbMove', delta: 1 };
      return key.return && flow.choices.length > 0 ? 'playbookPlan' : undefined;
    case 'confirm':
      if (input === 'y' || input === 'Y') return flow.plan ? 'playbookStart' : undefined;
      return input === 'n' || input === 'N' ? { type: 'pbBack' } : undefined;
    case 'run':
      return key.return ? { type: 'pbClose' } : undefined;
  }
}
