// Resolving needs a summary, so the Resolve button opens a modal asking for
// one; its submission comes back as a view_submission carrying the incident
// and where to answer in private_metadata.
import type { types, ViewOutput } from '@slack/bolt';
import { labelsFor, type Lang } from '../../render/labels.js';

export const RESOLVE_CALLBACK_ID = 'wf:resolve';
const SUMMARY_BLOCK = 'summary';
const SUMMARY_INPUT = 'text';

export interface ResolveModalState {
  incidentId: string;
  /** The response_url of the message whose button opened the modal, to answer there. */
  responseUrl?: string;
}

export function resolveModal(state: ResolveModalState, lang: Lang): types.ModalView {
  const l = labelsFor(lang);
  return {
    type: 'modal',
    callback_id: RESOLVE_CALLBACK_ID,
    private_metadata: JSON.stringify(state),
    // Slack limits a modal title to 24 characters: the incident id fits.
    title: { type: 'plain_text', text: `${l.t('resolve')} ${state.incidentId}`.slice(0, 24) },
    submit: { type: 'plain_text', text: l.t('resolve') },
    blocks: [
      {
        type: 'input',
        block_id: SUMMARY_BLOCK,
        label: { type: 'plain_text', text: l.t('resolveSummary') },
        element: { type: 'plain_text_input', action_id: SUMMARY_INPUT, multiline: true, min_length: 3, max_length: 2000 },
      },
    ],
  };
}

/** The incident and summary from a submitted modal, or null when it is not ours or is malformed. */
export function readResolveSubmission(view: ViewOutput): (ResolveModalState & { summary: string }) | null {
  let state: Partial<ResolveModalState>;
  try {
    state = JSON.parse(view.private_metadata) as Partial<ResolveModalState>;
  } catch {
    return null;
  }
  const summary = view.state.values[SUMMARY_BLOCK]?.[SUMMARY_INPUT]?.value?.trim();
  if (typeof state.incidentId !== 'string' || !summary) return null;
  return { incidentId: state.incidentId, summary, ...(typeof state.responseUrl === 'string' ? { responseUrl: state.responseUrl } : {}) };
}
