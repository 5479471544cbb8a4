// `audit verify [--checkpoint FILE…]`: the hub walks the hash chain and holds
// it to its own checkpoint file and to the copies given here; exit 1 at the
// first broken row or failing checkpoint.
import { Option } from 'commander';
import { CheckFailedError } from '../../core/errors.js';
import { auditFailureMessage, renderAuditIntact } from '../../render/audit.js';
import { auditVerificationJson } from '../../render/json.js';
import { refuseInChat } from '../metadata.js';
import { defineVerb } from '../verb.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const auditVerify = defineVerb({
  name: 'verify',
  description: 'check the audit log has not been altered, against its signed checkpoints too',
  metadata: { examples: ['audit verify', 'audit verify --checkpoint kept/hub.audit-checkpoints.jsonl'] },
  configure(command) {
    command.addOption(
      refuseInChat(
        new Option('--checkpoint <file>', 'also hold the log to the checkpoints in this file, kept elsewhere (repeatable)').argParser(collect),
        { en: "it reads files on the bot's host; run it in a terminal", ar: 'يقرأ ملفات على جهاز البوت؛ نفّذه في الطرفية' },
      ),
    );
  },
  input: (_args: [], options: { checkpoint?: string[] }) => ({ files: options.checkpoint ?? [] }),
  async run(input, ctx) {
    if (input.files.length === 0) return ctx.client().verifyAudit();
    // Reading checkpoints validates them with zod, which stays off every other command's start-up.
    const { readCheckpointFiles, withOrigins } = await import('./checkpoint-files.js');
    const given = readCheckpointFiles(input.files);
    return withOrigins(await ctx.client().verifyAudit(given.checkpoints), given);
  },
  // With --json the verification is the data, broken or not; the error follows on stderr.
  failure: (result) => {
    if (result.ok) return undefined;
    return new CheckFailedError(auditFailureMessage(result), {
      hint: 'the log was altered outside the hub; keep a copy of the data file and the checkpoint files as evidence',
      details: { firstBroken: result.firstBroken, checked: result.checked, ...(result.badCheckpoint ? { badCheckpoint: result.badCheckpoint } : {}) },
    });
  },
  present: {
    text: (result) => (result.ok ? renderAuditIntact(result) : ''),
    json: (result) => auditVerificationJson(result),
  },
});
