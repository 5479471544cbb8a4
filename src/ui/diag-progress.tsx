// A diagnostics run (d, f) in place in the detail pane: one line per asset,
// updated as the hub streams its events — probing…, a finding, an action,
// the verdict — while the rest of the screen keeps following the hub.
import { Box, Text } from 'ink';
import type { DiagEvent } from '../core/model.js';
import type { DiagVerdict } from '../core/vocabulary.js';
import type { Lang } from '../render/labels.js';
import { fit, padTo } from './look.js';
import type { DiagRun } from './state.js';
import { uiWords, verdictCounts, type UiText } from './ui-labels.js';

export interface DiagProgressProps {
  run: DiagRun;
  width: number;
  /** Lines it may use, the heading included. */
  rows: number;
  lang?: Lang;
}

const ASSET_WIDTH = 24;

export function DiagProgress({ run, width, rows, lang = 'en' }: DiagProgressProps) {
  const words = uiWords(lang);
  const verdicts = run.assets.flatMap((a) => (a.last.type === 'verdict' ? [a.last.verdict] : []));
  const state = !run.done ? words.diagRunning : run.errors.length && verdicts.length === 0 ? words.diagFailed(run.errors.at(-1)!) : words.diagDone(verdictCounts(verdicts, words));
  // Assets still being worked on first, then the ones that need a look, then the healthy.
  const ordered = [...run.assets].sort((a, b) => rank(a.last) - rank(b.last));
  const room = Math.max(1, rows - 1 - (run.errors.length ? 1 : 0));
  const shown = ordered.slice(0, room);
  const hidden = ordered.length - shown.length;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {words.diagHeading(run.target, run.fix)} <Text color={run.done ? undefined : 'cyan'}>{state}</Text>
        {hidden > 0 ? <Text dimColor> (+{hidden} {words.labels.t('more')})</Text> : null}
      </Text>
      {shown.map(({ assetId, last }) => (
        <Text key={assetId} wrap="truncate-end">
          {padTo(fit(assetId, ASSET_WIDTH - 1), ASSET_WIDTH)}
          <Text color={eventColour(last)}>{fit(describe(last, words), Math.max(1, width - ASSET_WIDTH))}</Text>
        </Text>
      ))}
      {run.errors.length ? <Text color="red" wrap="truncate-end">{run.errors.at(-1)}</Text> : null}
    </Box>
  );
}

/** An asset's latest news as one line in the screen's language (the hub's own texts stay as sent). */
export function describe(event: DiagEvent, words: UiText): string {
  switch (event.type) {
    case 'probe':
      return event.ok ? words.probing : words.probeFailed(event.error ?? 'error');
    case 'finding':
      return `${words.finding(event.finding.code)}: ${event.finding.text}`;
    case 'action':
      return words.action(event.action.action, event.action.status);
    case 'verify':
      return words.verifying(event.action, event.passed);
    case 'verdict':
      return `${words.labels.verdict(event.verdict)}: ${event.summary}`;
    case 'error':
      return `${event.code}: ${event.message}`;
  }
}

const VERDICT_COLOUR: Record<DiagVerdict, string> = {
  healthy: 'green',
  fixed: 'green',
  mitigated: 'yellow',
  planned: 'yellow',
  dispatched: 'red',
  unreachable: 'red',
};

function eventColour(event: DiagEvent): string | undefined {
  if (event.type === 'verdict') return VERDICT_COLOUR[event.verdict];
  if (event.type === 'error' || (event.type === 'probe' && !event.ok)) return 'red';
  return event.type === 'probe' ? 'gray' : 'yellow';
}

function rank(event: DiagEvent): number {
  if (event.type !== 'verdict') return 0;
  return event.verdict === 'healthy' ? 2 : 1;
}
