// The read side of playbooks on the wire: what the hub lists and shows of the
// playbooks it knows, the versions it has loaded over time, what a file check
// found wrong, and which playbooks an incident's facts propose. Types only: the
// hub builds these from validated definitions, so nothing here needs zod.
import type { Severity } from '../vocabulary.js';
import type { BilingualText, PlaybookDefinition, PlaybookTrigger } from './playbooks.js';

/** A playbook as `GET /v1/playbooks` lists it: its metadata, not its steps. */
export interface PlaybookSummary {
  id: string;
  version: number;
  title: BilingualText;
  description: BilingualText;
  severity: Severity;
  scope: PlaybookDefinition['scope'];
  triggers: PlaybookTrigger[];
  auto: boolean;
  /** 'built-in', or the operator's file it was read from. */
  source: string;
  /** sha256 of the definition's canonical JSON: what a run records as the definition it ran. */
  hash: string;
  steps: number;
  /** Steps of type `inject`: only a drill runs them. */
  drillOnlySteps: number;
}

/** `GET /v1/playbooks/:id`: the summary and the whole definition. */
export interface PlaybookDetail extends PlaybookSummary {
  definition: PlaybookDefinition;
}

/** One problem in a playbook file: where (file, line, field) and what. */
export interface PlaybookFileError {
  file: string;
  /** 1-based; null when the problem is the file as a whole (unreadable, empty). */
  line: number | null;
  /** The field as a path, e.g. `steps[2].timeout`; null when the problem is not in one field. */
  field: string | null;
  message: string;
}

/** A file that passed every check. */
export interface CheckedPlaybook {
  file: string;
  id: string;
  version: number;
  hash: string;
}

/** What checking playbook files found: `playbook validate` and `POST /v1/playbooks/validate`. */
export interface PlaybookValidation {
  playbooks: CheckedPlaybook[];
  errors: PlaybookFileError[];
}

/** A run that used a version (the runner's journal joins them by playbook id and hash). */
export interface PlaybookVersionRun {
  id: string;
  status: string;
  startedAt: string;
}

/** One version of a playbook as the hub first loaded it. */
export interface PlaybookVersion {
  version: number;
  hash: string;
  source: string;
  firstSeenAt: string;
  /** The one this hub has loaded now. */
  current: boolean;
  runs: PlaybookVersionRun[];
}

/** `GET /v1/playbooks/:id/history`: newest first. */
export interface PlaybookHistory {
  playbookId: string;
  versions: PlaybookVersion[];
}

/** A playbook an incident's facts match, and the trigger that matched. */
export interface PlaybookProposal {
  playbook: PlaybookSummary;
  trigger: { index: number; match: PlaybookTrigger['match'] };
}

/** `playbook.proposed` on the event stream: an incident opened that a playbook's triggers match. */
export interface PlaybookProposedEvent {
  incidentId: string;
  siteId: string | null;
  playbookId: string;
  version: number;
  hash: string;
  /** The playbook asks to run on its own (if an admin enabled auto-runs). */
  auto: boolean;
  trigger: { index: number; match: PlaybookTrigger['match'] };
}
