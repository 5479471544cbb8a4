// `drill list [--playbook ID]` (newest first: a team sees its scores over
// time) and `drill show RUN` (the scorecard: each step against its target).
// A drill is started with `playbook run ID --drill`.
import { drillSummaryJson, scorecardJson } from '../../render/drill-json.js';
import { renderDrillList, renderScorecard } from '../../render/drills.js';
import { integerOption } from '../options.js';
import { runIdArgument } from '../playbook/run-argument.js';
import { defineVerb } from '../verb.js';

export const drillList = defineVerb({
  name: 'list',
  description: 'ended drills, newest first: score, steps on time, late and missed, time to first action and to recovery',
  metadata: { examples: ['drill list', 'drill list --playbook egate-bank-failure --limit 5', 'drill ls --json'] },
  configure: (command) =>
    void command.option('--playbook <id>', 'only drills of this playbook').option('--limit <n>', 'at most this many (default 100)', integerOption(1, 1_000)),
  input: (_args: [], o: { playbook?: string; limit?: number }) => ({ playbook: o.playbook?.trim(), limit: o.limit }),
  run: (input, ctx) => ctx.client().listDrills(input),
  present: {
    text: (drills, view) => renderDrillList(drills, view),
    note: (drills) => (drills.length ? undefined : 'no drill has ended yet: start one with `watchfloor playbook run ID --drill`'),
    json: (drills) => ({ drills: drills.map(drillSummaryJson) }),
  },
});

export const drillShow = defineVerb({
  name: 'show',
  description: 'one drill\'s scorecard: each step against its target, first action, recovery, score',
  metadata: { examples: ['drill show 12', 'drill view RUN-000012 --json'] },
  configure: (command) => void command.addArgument(runIdArgument()),
  input: ([id]: [string]) => ({ id: id.trim() }),
  run: (input, ctx) => ctx.client().getDrill(input.id),
  present: {
    text: (card, view) => renderScorecard(card, view),
    json: (card) => ({ scorecard: scorecardJson(card) }),
  },
});
