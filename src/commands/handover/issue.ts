// `handover [issue] [--shift 8h] [--out FILE.md] [--post CHANNEL]`: the
// outgoing officer issues the shift's handover — the hub composes and stores
// it (immutable, hashed, audited) — then it is printed as Markdown, written
// to a file, and/or posted by the chat bot to a channel with an Accept button.
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { HANDOVER_POST_TARGET, shiftMs } from '../../core/handover-rules.js';
import type { Handover } from '../../core/model.js';
import { renderHandoverMarkdown, renderHandoverText } from '../../render/handover-markdown.js';
import { handoverJson } from '../../render/handovers.js';
import { refuseInChat } from '../metadata.js';
import { defineVerb } from '../verb.js';

export const handoverIssue = defineVerb({
  name: 'issue',
  isDefault: true,
  description: 'issue the shift handover: incidents, dispatches, runs, approvals, KPIs, what stays open (officers)',
  metadata: { examples: ['handover', 'handover --shift 12h --out handover.md', 'handover --post C0OPS', 'handover issue --json'] },
  configure: (command) =>
    void command
      .option('--shift <span>', 'the shift it covers, back from now (15m to 24h; default 8h)')
      .addOption(
        // Chat has no file of its own to write: the Markdown would land on the bot's host.
        refuseInChat(new Option('--out <file>', 'write the handover as Markdown to this file'), {
          en: "it writes a file on the bot's host; leave --out off for the handover here",
          ar: 'يكتب ملفاً على جهاز البوت؛ احذف --out لتصلك النتيجة هنا',
        }),
      )
      .option('--post <channel>', 'have the chat bot post it here, with an Accept button: a Slack channel (C0123ABCD, #ops) or teams:CONVERSATION'),
  input: (_args: [], o: { shift?: string; out?: string; post?: string }) => {
    if (o.out !== undefined && o.out.trim() === '') throw new UsageError('--out needs a file name');
    if (o.post !== undefined && !HANDOVER_POST_TARGET.test(o.post.trim())) {
      throw new UsageError(`--post: "${o.post}" is not a chat channel`, { hint: 'a Slack channel (C0123ABCD, #ops) or teams:CONVERSATION' });
    }
    if (o.shift !== undefined) shiftMs(o.shift.trim());
    return { shift: o.shift?.trim(), out: o.out, post: o.post?.trim() };
  },
  async run(input, ctx): Promise<{ handover: Handover; writtenTo: string | null }> {
    const write = ctx.deps.writeTextFile;
    // Refused before the hub is asked: a handover issued is a record, so no half-done issue for want of a file.
    if (input.out !== undefined && !write) throw new UsageError('--out writes a file, which is not done here', { hint: 'leave --out off to get the handover as text' });
    const handover = await ctx.client().issueHandover({ shift: input.shift, post: input.post });
    if (input.out === undefined || !write) return { handover, writtenTo: null };
    await write(input.out, renderHandoverMarkdown(handover));
    return { handover, writtenTo: input.out };
  },
  present: {
    text: ({ handover, writtenTo }, view) => (writtenTo === null ? (view.tty ? renderHandoverText : renderHandoverMarkdown)(handover) : ''),
    note: ({ handover, writtenTo }) => (writtenTo === null ? undefined : `${handover.id}: handover written to ${writtenTo}`),
    json: ({ handover, writtenTo }) => ({ handover: handoverJson(handover), writtenTo }),
  },
});
