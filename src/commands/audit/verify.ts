// `audit verify`: walk the hash chain; exit 1 at the first broken entry.
import { CheckFailedError } from '../../core/errors.js';
import { auditVerificationJson } from '../../render/json.js';
import { defineVerb } from '../verb.js';

export const auditVerify = defineVerb({
  name: 'verify',
  description: 'check the audit log has not been altered',
  input: () => ({}),
  run: (_input, ctx) => ctx.client().verifyAudit(),
  // With --json the verification is the data, broken or not; the error follows on stderr.
  failure: (result) => {
    if (result.ok) return undefined;
    const broken = result.firstBroken;
    return new CheckFailedError(broken ? `audit chain broken at seq ${broken.seq}: ${broken.reason}` : 'audit chain is broken', {
      hint: 'the log was altered outside the hub; keep a copy of the data file as evidence',
      details: { firstBroken: broken, checked: result.checked },
    });
  },
  present: {
    text: (result) => (result.ok ? `audit chain intact: ${result.checked} entries` : ''),
    json: (result) => auditVerificationJson(result),
  },
});
