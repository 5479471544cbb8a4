// The step list `playbook run` draws on stderr while a person watches a
// terminal: each step's mark redrawn in place as the run moves, erased at the
// end (the final list is the result, on stdout). Its events are raw (the
// presenter makes only text renderers' input inert), so it makes them inert.
import type { RunUpdate } from '../../core/client.js';
import type { RunStep } from '../../core/model.js';
import { inertView } from '../../render/inert-text.js';
import { renderStepLines, runStanding } from '../../render/playbook-runs.js';
import { visibleWidth } from '../../render/text-width.js';
import type { ProgressDisplay, ProgressOutput } from '../verb.js';

const fit = (line: string, width: number) => {
  if (visibleWidth(line) <= width) return line;
  let out = line;
  while (out.length > 1 && visibleWidth(`${out}…`) > width) out = out.slice(0, -1);
  return `${out}…`;
};

export function runProgress(out: ProgressOutput): ProgressDisplay<RunUpdate> {
  let steps: RunStep[] = [];
  let current: string | null = null;
  let standing = '';
  let drawn = 0;
  const erase = () => {
    if (drawn > 0) out.write(`\x1b[${drawn}A\r\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    erase();
    const lines = [...renderStepLines(steps, { tty: true, color: false, width: out.width, lang: 'en', now: new Date(out.now()) }, current), standing].map((l) => fit(l, Math.max(10, out.width - 1)));
    out.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  return {
    event(raw) {
      const update = inertView(raw);
      if (update.type === 'started') {
        steps = update.detail.steps;
        current = update.detail.run.currentStep;
        standing = `${update.detail.run.id} running`;
      } else if (update.type === 'step') {
        const a = update.step;
        steps = steps.map((s) => (s.id !== a.stepId ? s : { ...s, status: a.status, attempts: [...s.attempts.filter((x) => x.attempt !== a.attempt), a] }));
        current = a.stepId;
      } else {
        current = update.run.currentStep;
        standing = runStanding(update.run).split('\n')[0]!;
      }
      draw();
    },
    end: erase,
  };
}
