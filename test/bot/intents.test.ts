// Free-text questions, read deterministically: a table of English and Arabic
// questions against the demo fleet's real sites, then answered end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/bot/answer.js';
import { replyLang } from '../../src/bot/reply-lang.js';
import { readIntent } from '../../src/bot/intents/intent.js';
import { stemWord, wordsOf } from '../../src/bot/intents/words-of.js';
import type { BotReply } from '../../src/bot/reply.js';
import type { Site } from '../../src/core/model.js';
import { startChatHub, type ChatHub } from './chat-fixture.js';

let chat: ChatHub;
let sites: Site[];

beforeAll(async () => {
  chat = await startChatHub();
  sites = await chat.admin.listSites();
}, 30_000);

afterAll(async () => {
  await chat?.stop();
});

describe('Arabic as people type it', () => {
  it('folds alef forms, taa marbuta, diacritics and tatweel, and takes off the attached article', () => {
    expect(wordsOf('مَطـــار الأمير')).toEqual(['مطار', 'امير']);
    expect(wordsOf('حالة')).toEqual(['حاله']);
    expect(wordsOf('بالدمام')).toEqual(['دمام']);
    expect(stemWord('ال')).toBe('ال'); // too short to be an article on a word
  });

  it('folds what Persian-layout phone keyboards send: yeh, kaf and Arabic-Indic digits', () => {
    expect(wordsOf('مطار الملک خالد الدولی')).toEqual(wordsOf('مطار الملك خالد الدولي'));
    expect(wordsOf('INC-٤٢ و ۴۲')).toEqual(['inc', '42', 'و', '42']);
  });
});

describe('readIntent', () => {
  const place = (text: string) => {
    const intent = readIntent(text, sites);
    const p = intent.place;
    return {
      kind: intent.kind,
      place: p.kind === 'site' ? p.site.id : p.kind === 'region' ? `region:${p.region}` : p.kind === 'ambiguous' ? `ambiguous:${p.sites.map((s) => s.id).join(',')}` : p.kind,
    };
  };

  it.each([
    ['ما حالة مطار الملك خالد', 'status', 'RUH'],
    ['ما حاله مطار الملك خالد؟', 'status', 'RUH'],
    ['كم وقت الانتظار في جسر الملك فهد', 'wait', 'LND-KFC'],
    ["what's the wait at DMM", 'wait', 'DMM'],
    ['what’s the queue at king fahd causeway', 'wait', 'LND-KFC'],
    ['open incidents in Makkah', 'incidents', 'region:Makkah'],
    ['البلاغات المفتوحة في مكة', 'incidents', 'region:Makkah'],
    ['incidents in the eastern province', 'incidents', 'region:Eastern Province'],
    ['status of jeddah airport', 'status', 'JED'],
    ['status of jedah airport', 'status', 'JED'],
    ['how is the hajj terminal', null, 'JED-HAJJ'],
    ['الانتظار في مطار ابها', 'wait', 'AHB'],
    ['fleet status', 'status', 'fleet'],
    ['any open incidents?', 'incidents', 'fleet'],
  ])('%s → %s %s', (text, kind, where) => {
    expect(place(text)).toEqual({ kind, place: where });
  });

  it('a name several sites share is ambiguous, plainest first, never a pick', () => {
    const p = place('wait at king fahd');
    expect(p.kind).toBe('wait');
    expect(p.place).toMatch(/^ambiguous:DMM,LND-KFC,/);
  });

  it('words naming no site are no place', () => {
    expect(place('status of atlantis')).toEqual({ kind: 'status', place: 'none' });
    expect(place('hello there')).toEqual({ kind: null, place: 'none' });
  });
});

describe('answer() on free text', () => {
  const ask = (text: string, lang: 'en' | 'ar' = 'en') => answer(text, chat.session('viewer', { lang }));
  const kindOf = (r: BotReply) => r.kind;

  it('the brief’s questions, end to end', async () => {
    const ruh = await ask('ما حالة مطار الملك خالد');
    expect(ruh.kind === 'site' && ruh.site.site.id).toBe('RUH');
    const kfc = await ask('كم وقت الانتظار في جسر الملك فهد');
    expect(kfc.kind === 'wait' && kfc.site.id).toBe('LND-KFC');
    const dmm = await ask("what's the wait at DMM");
    expect(dmm.kind === 'wait' && dmm.site.id).toBe('DMM');
    const jed = await ask('status of jeddah airport');
    expect(jed.kind === 'site' && jed.site.site.id).toBe('JED');
    // Starts like the `incidents` command, but is a question.
    const makkah = await ask('incidents in Makkah');
    expect(makkah.kind === 'incidents' && makkah.heading).toBe('Open incidents in Makkah');
  });

  it('open incidents in a region are those of its sites only, in either language', async () => {
    await chat.admin.createIncident({ title: 'intents: a Makkah incident', severity: 'sev2', siteId: 'JED' });
    await chat.admin.createIncident({ title: 'intents: a Riyadh incident', severity: 'sev2', siteId: 'RUH' });
    const makkah = sites.filter((s) => s.region === 'Makkah').map((s) => s.id);
    for (const text of ['open incidents in Makkah', 'البلاغات المفتوحة في مكة']) {
      const reply = await ask(text);
      expect(kindOf(reply)).toBe('incidents');
      if (reply.kind !== 'incidents') continue;
      expect(reply.incidents.some((i) => i.title === 'intents: a Makkah incident')).toBe(true);
      expect(reply.incidents.every((i) => i.siteId !== null && makkah.includes(i.siteId))).toBe(true);
    }
    const ar = await ask('البلاغات المفتوحة في مكة');
    expect(ar.kind === 'incidents' && ar.heading).toBe('البلاغات المفتوحة في مكة المكرمة');
  });

  it('unclear questions get up to three choices that only read', async () => {
    for (const text of ['wait at king fahd', 'hello there', 'king fahd', 'كيف الوضع في جدة']) {
      const reply = await ask(text);
      expect(reply.kind, text).toBe('did-you-mean');
      if (reply.kind !== 'did-you-mean') continue;
      expect(reply.choices.length).toBeGreaterThan(0);
      expect(reply.choices.length).toBeLessThanOrEqual(3);
      for (const c of reply.choices) {
        expect(c.id).toBe('run');
        // Asked in Arabic by a user who reads English: the choice answers in Arabic too.
        expect(c.value).toMatch(/^(--lang ar )?(status|wait|incidents list|help)\b/);
        expect(c.value.startsWith('--lang ar ')).toBe(/[\u0600-\u06FF]/.test(text));
      }
    }
  });

  it('a choice, pressed, answers what it says', async () => {
    const reply = await ask('wait at king fahd');
    if (reply.kind !== 'did-you-mean') throw new Error('expected choices');
    const kfc = reply.choices.find((c) => c.value.includes('LND-KFC'))!;
    const waited = await ask(kfc.value);
    expect(waited.kind === 'wait' && waited.site.id).toBe('LND-KFC');
  });

  it('writes never come from free text', async () => {
    const before = (await chat.admin.listIncidents({ state: 'open' })).filter((i) => i.state === 'triggered').length;
    for (const text of ['acknowledge the incident at RUH please', 'اغلق البلاغات في مكة', 'resolve everything']) {
      expect(['did-you-mean', 'error', 'incidents', 'fleet', 'site']).toContain((await answer(text, chat.session('admin'))).kind);
    }
    const after = (await chat.admin.listIncidents({ state: 'open' })).filter((i) => i.state === 'triggered').length;
    expect(after).toBeGreaterThanOrEqual(before);
  });

  it('replies in Arabic to Arabic text, else in the user’s language', () => {
    const user = chat.session('viewer', { lang: 'en' }).user;
    expect(replyLang('ما حالة مطار الملك خالد', user)).toBe('ar');
    expect(replyLang('status RUH', user)).toBe('en');
    expect(replyLang('status RUH', { ...user, lang: 'ar' })).toBe('ar');
  });
});
