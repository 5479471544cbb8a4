// The --json contract of the playbook verbs (docs/json.md), as explicit field
// lists like render/json.ts: a field the hub adds appears only when added here.
import type { PlaybookDetail, PlaybookHistory, PlaybookProposal, PlaybookSummary, PlaybookValidation } from '../core/model.js';
import { pick } from './pick.js';

export const PLAYBOOK_SUMMARY_FIELDS = [
  'id', 'version', 'title', 'description', 'severity', 'scope', 'triggers', 'auto', 'source', 'hash', 'steps', 'drillOnlySteps',
] as const satisfies readonly (keyof PlaybookSummary)[];

export const playbookSummaryJson = (p: PlaybookSummary) => pick(p, PLAYBOOK_SUMMARY_FIELDS);

/** The definition is the file's own format (docs/playbook.schema.json), with defaults filled. */
export const playbookDetailJson = (p: PlaybookDetail) => ({ ...playbookSummaryJson(p), definition: p.definition });

export const playbookValidationJson = (v: PlaybookValidation) => ({
  playbooks: v.playbooks.map((p) => pick(p, ['file', 'id', 'version', 'hash'])),
  errors: v.errors.map((e) => pick(e, ['file', 'line', 'field', 'message'])),
});

export const playbookHistoryJson = (h: PlaybookHistory) => ({
  playbookId: h.playbookId,
  versions: h.versions.map((v) => ({
    ...pick(v, ['version', 'hash', 'source', 'firstSeenAt', 'current']),
    runs: v.runs.map((r) => pick(r, ['id', 'status', 'startedAt'])),
  })),
});

export const proposalJson = (p: PlaybookProposal) => ({ playbook: playbookSummaryJson(p.playbook), trigger: pick(p.trigger, ['index', 'match']) });
