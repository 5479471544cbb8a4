// `handover show [ID]`: a handover as issued (Markdown piped; on a terminal its layout, read), with who accepted it.
import { renderHandoverMarkdown, renderHandoverText } from '../../render/handover-markdown.js';
import { handoverJson } from '../../render/handovers.js';
import { defineVerb } from '../verb.js';
import { handoverId, handoverIdArgument } from './handover-argument.js';

export const handoverShow = defineVerb({
  name: 'show',
  description: 'a handover as issued, and who took it over (default: the latest)',
  metadata: { examples: ['handover show', 'handover show HO-000007 --json'] },
  configure: (command) => void command.addArgument(handoverIdArgument()),
  input: ([id]: [string | undefined]) => ({ id: handoverId(id) }),
  run: (input, ctx) => ctx.client().getHandover(input.id),
  present: {
    text: (handover, view) => (view.tty ? renderHandoverText : renderHandoverMarkdown)(handover),
    json: (handover) => ({ handover: handoverJson(handover) }),
  },
});
