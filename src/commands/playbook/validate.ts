// `playbook validate FILE…`: checks playbook files here, by the rules the hub
// loads them with, with no hub: one line per problem (file:line: field:
// message) and per file that passed; exit 2 when anything failed.
import { UsageError } from '../../core/errors.js';
import { playbookValidationJson } from '../../render/playbook-json.js';
import { renderPlaybookValidation, validationSummary } from '../../render/playbooks.js';
import { defineVerb } from '../verb.js';

export const playbookValidate = defineVerb({
  name: 'validate',
  description: 'check playbook files (or directories of them) as the hub would load them; no hub needed',
  metadata: {
    refusedInChat: { en: "it reads files on the bot's host; run it in a terminal", ar: 'يقرأ ملفات على جهاز البوت؛ نفّذه في الطرفية' },
    examples: ['playbook validate my-playbooks/', 'playbook validate egate.yaml surge.yaml --json'],
  },
  configure: (command) => void command.argument('<files...>', 'playbook files (*.yaml), or directories of them'),
  input: ([files]: [string[]]) => ({ files }),
  async run(input, ctx) {
    const { checkPlaybookFiles } = await ctx.deps.loadPlaybookFiles();
    return checkPlaybookFiles(input.files);
  },
  // With --json the check is the data, failed or not; the error follows on stderr.
  failure: (result) =>
    result.errors.length
      ? new UsageError(`${validationSummary(result)}: not loadable as they are`, {
          hint: 'the format is in docs/playbook.schema.json (`watchfloor playbook schema`); the hub skips a file with problems and loads the rest',
          details: { errors: result.errors.length },
        })
      : undefined,
  present: {
    text: (result) => renderPlaybookValidation(result),
    json: (result) => playbookValidationJson(result),
  },
});
