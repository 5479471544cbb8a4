// `handover list`: the handovers, newest first: who handed over, who took over.
import { HANDOVER_SUMMARY_FIELDS, handoverSummaryJson, renderHandoverTable } from '../../render/handovers.js';
import { defineVerb } from '../verb.js';

export const handoverList = defineVerb({
  name: 'list',
  description: 'handovers, newest first, with who accepted each',
  metadata: { examples: ['handover list', 'handover list --json id,issuedBy,acceptedBy'] },
  input: () => ({}),
  run: (_input, ctx) => ctx.client().listHandovers(),
  present: {
    text: (handovers, view) => (handovers.length ? renderHandoverTable(handovers, view) : ''),
    note: (handovers) => (handovers.length ? undefined : 'no handovers yet'),
    json: (handovers) => ({ handovers: handovers.map(handoverSummaryJson) }),
    jsonFields: { key: 'handovers', fields: HANDOVER_SUMMARY_FIELDS },
  },
});
