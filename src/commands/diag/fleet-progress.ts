// The progress bar `diag fleet` draws on stderr while a person watches a
// terminal: redrawn in place at most every REDRAW_MS, erased at the end.
import type { DiagVerdict, SweepResult } from '../../core/model.js';
import { countVerdicts, renderProgress } from '../../render/diag.js';
import type { ProgressDisplay, ProgressOutput } from '../verb.js';

/** What a sweep emits: each asset's result as it finishes; first, when progress is drawn, how many assets it covers. */
export type DiagFleetEvent = { type: 'assets'; total: number } | SweepResult;

const REDRAW_MS = 100;

export function sweepProgress(out: ProgressOutput): ProgressDisplay<DiagFleetEvent> {
  let total: number | undefined;
  let done = 0;
  let lastDraw = -Infinity;
  const verdicts: DiagVerdict[] = [];
  const draw = () => out.write(`\r${renderProgress(done, total, countVerdicts(verdicts), out.width)}\x1b[K`);
  return {
    event(event) {
      if (event.type === 'assets') {
        total = event.total;
        draw();
        return;
      }
      done++;
      verdicts.push(event.verdict);
      const now = out.now();
      if (now - lastDraw >= REDRAW_MS || done === total) {
        lastDraw = now;
        draw();
      }
    },
    end() {
      out.write('\r\x1b[K');
    },
  };
}
