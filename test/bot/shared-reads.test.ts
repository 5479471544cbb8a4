// Reads a channel asks at once go to the hub once; everything else as it is.
import { describe, expect, it } from 'vitest';
import type { JsonAnswer, JsonCall, JsonTransport } from '../../src/core/client/json-transport.js';
import { SHARE_MS, shareReads } from '../../src/bot/shared-reads.js';

/** A hub stand-in: counts calls, answers each when the test says so. */
function fakeHub(statusCode = 200) {
  const calls: JsonCall[] = [];
  const pending: ((answer: JsonAnswer | Error) => void)[] = [];
  const transport: JsonTransport = {
    send(call) {
      calls.push(call);
      const n = calls.length;
      return new Promise<JsonAnswer>((resolve, reject) =>
        pending.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer))),
      ).then((a) => ({ ...a, body: { text: async () => `${a.statusCode === 200 ? 'answer' : 'error'} ${n}` } }));
    },
    close: async () => undefined,
  };
  const answerAll = (answer: JsonAnswer | Error = { statusCode, headers: {}, body: { text: async () => '' } }) => {
    for (const answer1 of pending.splice(0)) answer1(answer);
  };
  return { transport, calls, answerAll };
}

const call = (path: string, user = 'slack:U1', extra: Partial<JsonCall> = {}): JsonCall => ({
  method: 'GET',
  path,
  headers: { accept: 'application/json', authorization: 'Bearer wf_bot', 'x-watchfloor-channel': 'slack', 'x-watchfloor-act-as': 'viewer', 'x-watchfloor-on-behalf-of': user },
  signal: new AbortController().signal,
  ...extra,
});

const texts = (answers: JsonAnswer[]) => Promise.all(answers.map((a) => a.body.text()));

describe('shareReads', () => {
  it("sends fifty users' identical site reads to the hub once, and hands each the answer", async () => {
    const hub = fakeHub();
    const shared = shareReads(hub.transport);
    const asked = Array.from({ length: 50 }, (_, i) => shared.send(call('/v1/sites/RUH?assets=attention', `slack:U${i}`)));
    await Promise.resolve();
    hub.answerAll();
    expect(await texts(await Promise.all(asked))).toEqual(Array(50).fill('answer 1'));
    expect(hub.calls).toHaveLength(1);
  });

  it('keeps apart what differs in more than the person: role, site, query, token', async () => {
    const hub = fakeHub();
    const shared = shareReads(hub.transport);
    const base = call('/v1/sites/RUH');
    const asked = [
      shared.send(base),
      shared.send({ ...base, headers: { ...base.headers, 'x-watchfloor-act-as': 'officer' } }),
      shared.send({ ...base, headers: { ...base.headers, authorization: 'Bearer wf_other' } }),
      shared.send(call('/v1/sites/JED')),
      shared.send(call('/v1/sites/RUH?assets=attention')),
      shared.send(call('/v1/status')),
    ];
    await Promise.resolve();
    hub.answerAll();
    await Promise.all(asked);
    expect(hub.calls).toHaveLength(6);
  });

  it('never shares writes, whoami, or reads not on the list', async () => {
    const hub = fakeHub();
    const shared = shareReads(hub.transport);
    const paths = ['/v1/whoami', '/v1/sites/RUH/wait-history', '/v1/incidents', '/v1/handovers'];
    const asked = [
      ...paths.flatMap((p) => [shared.send(call(p, 'slack:U1')), shared.send(call(p, 'slack:U2'))]),
      shared.send(call('/v1/sites/RUH', 'slack:U1', { method: 'POST', body: '{}' })),
      shared.send(call('/v1/sites/RUH', 'slack:U2', { method: 'POST', body: '{}' })),
    ];
    await Promise.resolve();
    hub.answerAll();
    await Promise.all(asked);
    expect(hub.calls).toHaveLength(paths.length * 2 + 2);
  });

  it(`hands out an answer for ${SHARE_MS} ms after it came, then asks the hub again`, async () => {
    const hub = fakeHub();
    let now = 0;
    const shared = shareReads(hub.transport, () => now);
    const first = shared.send(call('/v1/status', 'slack:U1'));
    await Promise.resolve();
    hub.answerAll();
    await first;
    now = SHARE_MS;
    expect(await (await shared.send(call('/v1/status', 'slack:U2'))).body.text()).toBe('answer 1');
    now = SHARE_MS + 1;
    const later = shared.send(call('/v1/status', 'slack:U3'));
    await Promise.resolve();
    hub.answerAll();
    expect(await (await later).body.text()).toBe('answer 2');
    expect(hub.calls).toHaveLength(2);
  });

  it('keeps no error answer or failure past its call', async () => {
    const hub = fakeHub(503);
    const shared = shareReads(hub.transport);
    const failing = [shared.send(call('/v1/status', 'slack:U1')), shared.send(call('/v1/status', 'slack:U2'))];
    await Promise.resolve();
    hub.answerAll();
    // Asked together, they shared the one answer, as it was.
    expect((await Promise.all(failing)).map((a) => a.statusCode)).toEqual([503, 503]);
    const again = shared.send(call('/v1/status', 'slack:U3'));
    await Promise.resolve();
    hub.answerAll(new Error('ECONNRESET'));
    await expect(again).rejects.toThrow('ECONNRESET');
    const third = shared.send(call('/v1/status', 'slack:U4'));
    await Promise.resolve();
    hub.answerAll();
    expect((await third).statusCode).toBe(503);
    expect(hub.calls).toHaveLength(3);
  });

  it("gives up on a caller whose own timeout passes, and still answers the others", async () => {
    const hub = fakeHub();
    const shared = shareReads(hub.transport);
    const first = shared.send(call('/v1/sites/RUH', 'slack:U1'));
    const timeout = new AbortController();
    const impatient = shared.send(call('/v1/sites/RUH', 'slack:U2', { signal: timeout.signal }));
    timeout.abort(new Error('timed out'));
    await expect(impatient).rejects.toThrow('timed out');
    hub.answerAll();
    expect(await (await first).body.text()).toBe('answer 1');
  });
});
