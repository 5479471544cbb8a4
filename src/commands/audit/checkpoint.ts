// `audit checkpoint`: the hub's latest signed head, for an auditor to keep
// somewhere the hub cannot reach (`--json >> FILE` makes a file `audit
// verify --checkpoint` reads).
import { renderCheckpoint } from '../../render/audit.js';
import { auditCheckpointJson } from '../../render/json.js';
import { defineVerb } from '../verb.js';

export const auditCheckpoint = defineVerb({
  name: 'checkpoint',
  description: "the audit chain's latest signed head, to keep elsewhere",
  metadata: { examples: ['audit checkpoint', 'audit checkpoint --json >> kept/hub.audit-checkpoints.jsonl'] },
  input: () => ({}),
  run: (_input, ctx) => ctx.client().auditCheckpoint(),
  present: {
    text: (checkpoint) => renderCheckpoint(checkpoint),
    note: () => 'to keep it: watchfloor audit checkpoint --json >> FILE, then audit verify --checkpoint FILE',
    json: (checkpoint) => ({ checkpoint: auditCheckpointJson(checkpoint) }),
  },
});
