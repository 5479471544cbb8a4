// Chat programs used again (src/bot/chat-program-pool.ts): what one request
// parsed never leaks into the next — neither its options, nor its outcome,
// nor the chat user the hub is called for.
import { describe, expect, it } from 'vitest';
import { leaseChatProgram } from '../../src/bot/chat-program-pool.js';
import { runInChat } from '../../src/bot/chat-program.js';
import { triggeredIncident, useChatHub } from './chat-fixture.js';

const chat = useChatHub();

describe('a leased chat program', () => {
  it('parses each line from its defaults, whatever the last lease parsed', async () => {
    const first = leaseChatProgram(chat().session('viewer'));
    const filtered = await runInChat(first, ['incidents', 'list', '--state', 'resolved', '--severity', 'sev1', '--limit', '3'], 'ar');
    expect(filtered.kind === 'outcome' && filtered.outcome.input).toMatchObject({ state: 'resolved', severity: 'sev1', limit: 3 });
    first.release();

    const second = leaseChatProgram(chat().session('viewer'));
    // The same program, built once: the pool hands back the one just released.
    expect(second.program).toBe(first.program);
    expect(second.presenter.outcome()).toBeUndefined();
    const plain = await runInChat(second, ['incidents', 'list'], 'en');
    expect(plain.kind === 'outcome' && plain.outcome.input).toMatchObject({ severity: undefined, limit: undefined });
    expect(plain.kind === 'outcome' && plain.outcome.input).not.toMatchObject({ state: 'resolved' });
    second.release();
  });

  it('calls the hub for the chat user it is leased to', async () => {
    const id = await triggeredIncident(chat().admin, 'pool: acked by the officer, refused to the viewer');
    const officer = leaseChatProgram(chat().session('officer'));
    const acked = await runInChat(officer, ['incidents', 'ack', id], 'en');
    expect(acked.kind).toBe('outcome');
    officer.release();

    const other = await triggeredIncident(chat().admin, 'pool: the viewer may not ack');
    const viewer = leaseChatProgram(chat().session('viewer'));
    expect(viewer.program).toBe(officer.program);
    const refused = await runInChat(viewer, ['incidents', 'ack', other], 'en').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'forbidden' });
    viewer.release();
    expect((await chat().admin.getIncident(other)).incident.state).toBe('triggered');
  });
});
