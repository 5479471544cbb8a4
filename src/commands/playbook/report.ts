// `playbook report RUN [--out FILE]`: the after-action report of any run —
// drill or not, ended or still going — as Markdown (or the report's JSON with
// --json). Built here from the run's detail, which viewers may read. With
// --out the Markdown goes to the file (every outside string escaped and
// stripped of control characters) and stdout says where it went.
import { UsageError } from '../../core/errors.js';
import { buildRunReport } from '../../core/run-report.js';
import type { RunReport } from '../../core/model.js';
import { runReportJson } from '../../render/run-report-json.js';
import { renderRunReportMarkdown } from '../../render/run-report-markdown.js';
import { Option } from 'commander';
import { refuseInChat } from '../metadata.js';
import { defineVerb } from '../verb.js';
import { runIdArgument } from './run-argument.js';

export const playbookReport = defineVerb({
  name: 'report',
  description: 'the after-action report of a run: timeline, who did what, steps against targets, failures, lessons (Markdown)',
  metadata: { examples: ['playbook report 12', 'playbook report RUN-000012 --out run-12.md'] },
  configure: (command) =>
    void command.addArgument(runIdArgument()).addOption(
      // Chat has no file of its own to write: the Markdown would land on the bot's host.
      refuseInChat(new Option('--out <file>', 'write the Markdown to this file'), {
        en: "it writes a file on the bot's host; leave --out off for the report here",
        ar: 'يكتب ملفاً على جهاز البوت؛ احذف --out لتصلك النتيجة هنا',
      }),
    ),
  input: ([id]: [string], o: { out?: string }) => {
    if (o.out !== undefined && o.out.trim() === '') throw new UsageError('--out needs a file name');
    return { id: id.trim(), out: o.out };
  },
  async run(input, ctx): Promise<{ report: RunReport; writtenTo: string | null }> {
    const report = buildRunReport(await ctx.client().getRun(input.id));
    if (input.out === undefined) return { report, writtenTo: null };
    const write = ctx.deps.writeTextFile;
    if (!write) throw new UsageError('--out writes a file, which is not done here', { hint: 'leave --out off to get the report as text' });
    await write(input.out, renderRunReportMarkdown(report, ctx.globals.lang));
    return { report, writtenTo: input.out };
  },
  present: {
    text: ({ report, writtenTo }, view) => (writtenTo === null ? renderRunReportMarkdown(report, view.lang) : ''),
    note: ({ report, writtenTo }) => (writtenTo === null ? undefined : `${report.runId}: after-action report written to ${writtenTo}`),
    json: ({ report }) => runReportJson(report),
  },
});
