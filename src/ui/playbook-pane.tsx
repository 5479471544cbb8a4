// The detail pane while `p` is open: the playbooks to choose from, the chosen
// one's parameters to confirm, then its run — each step with its status, what
// the run waits on, and how it ended, kept on screen until the officer closes
// it. Props only; the container fetches. Fits 80×24: one line a row, cut to
// the width, the step list scrolled to keep the current step in view.
import { Box, Text } from 'ink';
import type { PlaybookRunDetail, RunPlan } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import { fit, padTo, scrollWindow } from './look.js';
import type { PlaybookChoice, PlaybookFlow } from './playbook-flow.js';
import { playbookWords, type PlaybookWords } from './playbook-words.js';

export interface PlaybookPaneProps {
  flow: PlaybookFlow;
  width: number;
  /** Lines it may use. */
  rows: number;
  lang?: Lang;
}

const STEP_COLOUR: Record<string, string | undefined> = { done: 'green', failed: 'red', started: 'cyan', skipped: 'gray' };
const RUN_COLOUR: Record<string, string | undefined> = { succeeded: 'green', failed: 'red', aborted: 'red', paused: 'yellow', waiting: 'yellow', running: 'cyan' };

export function PlaybookPane({ flow, width, rows, lang = 'en' }: PlaybookPaneProps) {
  const words = playbookWords(lang);
  const room = Math.max(1, rows - 2);
  return (
    <Box flexDirection="column" width={width}>
      {flow.phase === 'loading' ? (
        <Text dimColor>{fit(words.loading(flow.target.id), width)}</Text>
      ) : flow.phase === 'choose' ? (
        <Choices choices={flow.choices} index={flow.index} target={flow.target.id} width={width} rows={room} lang={lang} words={words} />
      ) : flow.phase === 'confirm' ? (
        <Confirm choice={flow.choices[flow.index]!} plan={flow.plan} width={width} rows={room} lang={lang} words={words} />
      ) : (
        <Run detail={flow.run} width={width} rows={room} lang={lang} words={words} />
      )}
    </Box>
  );
}

interface PartProps {
  width: number;
  rows: number;
  lang: Lang;
  words: PlaybookWords;
}

function Choices({ choices, index, target, width, rows, lang, words }: PartProps & { choices: PlaybookChoice[]; index: number; target: string }) {
  if (choices.length === 0) return <Text>{fit(words.none(target), width)}</Text>;
  const { start, end } = scrollWindow(choices.length, index, rows - 1);
  return (
    <>
      <Text bold>{fit(words.heading(target), width)}</Text>
      {choices.slice(start, end).map((c, i) => {
        const line = `${start + i === index ? '›' : ' '} ${c.severity} ${c.title[lang]}${c.proposed ? ` · ${words.proposed}` : ''} (${c.id})`;
        return (
          <Text key={c.id} inverse={start + i === index}>
            {padTo(fit(line, width), width)}
          </Text>
        );
      })}
      <Text dimColor>{fit(words.chooseKeys, width)}</Text>
    </>
  );
}

function Confirm({ choice, plan, width, rows, lang, words }: PartProps & { choice: PlaybookChoice; plan: RunPlan | null }) {
  if (!plan) return <Text dimColor>{fit(`${choice.title[lang]}: ${words.planning}`, width)}</Text>;
  const inputs = Object.entries(plan.inputs).map(([name, value]) => `  ${name} = ${String(value)}`);
  const lines = [words.where(plan.siteId, plan.incidentId), ...(inputs.length ? [`${words.inputs}:`, ...inputs] : []), `${words.steps(plan.steps.length)}: ${plan.steps.map((s) => s.id).join(', ')}`];
  return (
    <>
      <Text bold>{fit(words.confirmHeading(plan.title[lang]), width)}</Text>
      {lines.slice(0, Math.max(1, rows - 1)).map((line, i) => (
        <Text key={i}>{fit(line, width)}</Text>
      ))}
      <Text color="yellow" bold>
        {fit(words.confirmKeys, width)}
      </Text>
    </>
  );
}

function Run({ detail, width, rows, lang, words }: PartProps & { detail: PlaybookRunDetail }) {
  const { run, steps } = detail;
  const current = Math.max(0, steps.findIndex((s) => s.id === run.currentStep));
  const reasonRows = run.reason ? 1 : 0;
  const { start, end } = scrollWindow(steps.length, current, Math.max(1, rows - 1 - reasonRows));
  return (
    <>
      <Text bold>
        {fit(`${run.id} ${run.title[lang]} — `, Math.max(1, width - 24))}
        <Text color={RUN_COLOUR[run.status]}>{fit(words.status(run), 24)}</Text>
      </Text>
      {steps.slice(start, end).map((s) => (
        <Text key={s.id}>
          {s.id === run.currentStep ? '›' : ' '}
          <Text color={STEP_COLOUR[s.status]}>{padTo(fit(words.stepStatus(s.status), 10), 11)}</Text>
          {fit(`${s.id} ${s.title[lang]}`, Math.max(1, width - 12))}
        </Text>
      ))}
      {run.reason ? <Text dimColor>{fit(run.reason, width)}</Text> : null}
      <Text dimColor>{fit(words.runKeys, width)}</Text>
    </>
  );
}
