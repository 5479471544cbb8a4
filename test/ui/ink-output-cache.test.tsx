// Ink's output caches shared across frames (ink-output-cache.ts) must find
// Ink 6.8's output module, and must leave every frame as Ink draws it alone:
// the same screen, and a changed screen, come out the same with them shared.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { WatchScreen } from '../../src/ui/app.js';
import { shareInkOutputCaches } from '../../src/ui/ink-output-cache.js';
import { initialState, reduce } from '../../src/ui/state.js';
import { FLEET, INCIDENTS } from '../commands/fixtures.js';

const now = new Date('2025-03-01T06:14:00Z');
const loaded = reduce(reduce(initialState(), { type: 'snapshot', fleet: FLEET, incidents: INCIDENTS }), { type: 'connected' });
const report = (waitMinutes: number) =>
  reduce(loaded, {
    type: 'event',
    event: { id: 1, type: 'site.telemetry', at: now.toISOString(), data: { siteId: 'RUH', at: now.toISOString(), arrivalsPerHour: 600, queueLength: 4, waitMinutes, egatesInService: 2, countersOpen: 3 } },
  });

/** Frames for a sequence of states, drawn one after another in one Ink instance. */
function frames(states: ReturnType<typeof report>[]): string[] {
  const app = render(<WatchScreen state={states[0]!} width={120} height={30} now={now} />);
  const out = [app.lastFrame()!];
  for (const state of states.slice(1)) {
    app.rerender(<WatchScreen state={state} width={120} height={30} now={now} />);
    out.push(app.lastFrame()!);
  }
  app.unmount();
  return out;
}

describe('Ink output caches shared across frames', () => {
  it('installs on Ink 6.8 and draws every frame as Ink alone does', async () => {
    const states = [loaded, report(17), report(42), report(17), loaded];
    const alone = frames(states);
    expect(await shareInkOutputCaches()).toBe(true);
    // A second call changes nothing more.
    expect(await shareInkOutputCaches()).toBe(true);
    const shared = frames(states);
    expect(shared).toEqual(alone);
    // The frames differ where the report does: the test would see a stale cache.
    expect(shared[1]).not.toEqual(shared[2]);
    expect(shared[1]).toEqual(shared[3]);
  });
});
