// Remote diagnostics: a run on a site, asset or incident, and fleet sweeps,
// both answered as JSON Lines that arrive while the devices are worked on.
import { HubError } from '../errors.js';
import type { DiagEvent, DiagnoseInput, DiagVerdictEvent, SweepInput, SweepResult, SweepSummary } from '../model.js';
import type { HubConnection } from './connection.js';

// How long a diagnostic stream may be silent before the client gives up.
const STREAM_IDLE_MS = 120_000;

/**
 * POST a body and read the answer as JSON Lines, calling `onLine` for each
 * object as it arrives. Errors before the stream starts are typed as usual.
 */
export async function streamLines(hub: HubConnection, path: string, body: unknown, onLine: (value: unknown) => void): Promise<void> {
  try {
    // A run waits on devices (a reboot may take half a minute); only silence this long is a failure.
    const stream = await hub.openStream({ method: 'POST', path, accept: 'application/x-ndjson, application/json', body, bodyTimeoutMs: STREAM_IDLE_MS });
    let pending = '';
    for await (const chunk of stream) {
      pending += (chunk as Buffer).toString('utf8');
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).trim();
        pending = pending.slice(nl + 1);
        if (line) onLine(JSON.parse(line));
      }
    }
    if (pending.trim()) onLine(JSON.parse(pending));
  } catch (e) {
    throw hub.translate(e);
  }
}

export function diagnosticCalls(hub: HubConnection) {
  return {
    /** Diagnose a site, SITE/asset or incident; `onEvent` sees each probe, finding, action and verdict as it happens. */
    async diagnose(input: DiagnoseInput, onEvent: (event: DiagEvent) => void = () => {}): Promise<DiagVerdictEvent[]> {
      const verdicts: DiagVerdictEvent[] = [];
      await streamLines(hub, '/v1/diagnostics/runs', input, (value) => {
        const event = value as DiagEvent;
        if (event.type === 'verdict') verdicts.push(event);
        onEvent(event);
      });
      return verdicts;
    },

    /** Sweep many assets; `onResult` sees one result per asset; resolves with the summary. */
    async sweep(input: SweepInput, onResult: (result: SweepResult) => void = () => {}): Promise<SweepSummary> {
      let summary: SweepSummary | undefined;
      await streamLines(hub, '/v1/diagnostics/sweeps', input, (value) => {
        const event = value as SweepResult | SweepSummary | { type: 'error'; message: string };
        if (event.type === 'result') onResult(event);
        else if (event.type === 'summary') summary = event;
        else throw new HubError(event.message);
      });
      if (!summary) throw new HubError('the sweep ended without a summary', { hint: 'the hub may have stopped; look at its log' });
      return summary;
    },
  };
}

export type DiagnosticCalls = ReturnType<typeof diagnosticCalls>;
