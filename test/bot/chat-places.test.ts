// Places as people type them in chat, against the real 103-site demo fleet: a
// site's exact name in Arabic or English and its city in either language,
// unquoted (chat has no shell), an exact name over a fragment of a longer one,
// and the replies in the asker's language with chat's own hints (issue 11, items 3 and 4).
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/bot/answer.js';
import { replyLang } from '../../src/bot/reply-lang.js';
import { renderSlack } from '../../src/bot/slack/blocks.js';
import { expectKind, useChatHub } from './chat-fixture.js';

const chat = useChatHub();

const siteOf = async (text: string) => expectKind(await answer(text, chat().session('viewer')), 'site').site.site.id;
const choicesOf = async (text: string) => expectKind(await answer(text, chat().session('viewer')), 'did-you-mean').choices.map((c) => c.value);

// The slash command's text, a mention in a channel and a DM all reach answer() as typed.
const AS_TYPED = (command: string) => [`/wf ${command}`, `<@U0WFBOT> ${command}`, command];

describe('a site’s exact name, unquoted', () => {
  it('JED’s Arabic name finds JED, from the slash command, a mention and a DM', async () => {
    for (const text of AS_TYPED('status مطار الملك عبدالعزيز الدولي')) expect(await siteOf(text)).toBe('JED');
  });

  it('JED’s English name finds JED: not ambiguous with GIZ (King Abdullah bin Abdulaziz…), nor with the Hajj terminal whose name holds it', async () => {
    for (const text of AS_TYPED('status King Abdulaziz International Airport')) expect(await siteOf(text)).toBe('JED');
    expect(await siteOf('status king abdulaziz international airport')).toBe('JED');
    expect(await siteOf('status King Abdulaziz International Airport - Hajj Terminal')).toBe('JED-HAJJ');
    expect(await siteOf('status صالة الحجاج - مطار الملك عبدالعزيز الدولي')).toBe('JED-HAJJ');
  });

  it('folds what phones send: hamza forms, taa marbuta, diacritics, case', async () => {
    expect(await siteOf('status مطار الامير محمد بن عبدالعزيز الدولي')).toBe('MED'); // الأمير typed without its hamza
    expect(await siteOf('status مطار الملك عَبدالعزيز الدولى')).toBe('JED');
  });

  it('a site option takes the name too (`incidents list --site …`)', async () => {
    const created = await chat().admin.createIncident({ title: 'places: at JED', severity: 'sev3', siteId: 'JED' });
    const list = expectKind(await answer('incidents list --site King Abdulaziz International Airport', chat().session('viewer')), 'incidents');
    expect(list.incidents.map((i) => i.id)).toContain(created.incident.id);
    expect(list.incidents.every((i) => i.siteId === 'JED')).toBe(true);
  });

  it('a free-text question naming the exact name is about that site alone', async () => {
    const wait = expectKind(await answer('what’s the wait at King Abdulaziz International Airport', chat().session('viewer')), 'wait');
    expect(wait.site.id).toBe('JED');
    const asked = expectKind(await answer('King Abdulaziz International Airport', chat().session('viewer')), 'did-you-mean');
    expect(asked.choices.map((c) => c.value)).toEqual(['status JED', 'wait JED', 'incidents list --site JED']);
  });

  it('words that name no site still get the parser’s word or a question read as one', async () => {
    // "status of jeddah airport" is a question: the airport, not a site called "of jeddah airport".
    expect(await siteOf('status of jeddah airport')).toBe('JED');
    const none = await answer('status Atlantis Spaceport', chat().session('viewer'));
    expect(['error', 'did-you-mean']).toContain(none.kind);
  });
});

describe('a city, in English or Arabic', () => {
  it('a city with one site finds it (Haql / حقل: the Al-Durra crossing, whose name does not say Haql)', async () => {
    for (const text of AS_TYPED('status Haql')) expect(await siteOf(text)).toBe('LND-DURRA');
    expect(await siteOf('status حقل')).toBe('LND-DURRA');
    expect(await siteOf('status Khamis Mushait')).toBe('SC-ASR-02');
    expect(await siteOf('status خميس مشيط')).toBe('SC-ASR-02');
  });

  it('a city with several sites offers them, ports first: jeddah and جدة lead with JED', async () => {
    for (const text of AS_TYPED('status jeddah')) expect(await choicesOf(text)).toEqual(['status JED', 'status JED-HAJJ', 'status SEA-JED']);
    expect(await choicesOf('status جدة')).toEqual(['--lang ar status JED', '--lang ar status JED-HAJJ', '--lang ar status SEA-JED']);
    expect(await choicesOf('status Riyadh')).toEqual(['status RUH', 'status SC-RIY-01', 'status SC-RIY-02']);
    expect(await choicesOf('status Wadi Al-Dawasir')).toEqual(['status WAE', 'status SC-RIY-11']);
  });
});

describe('replies in the asker’s language', () => {
  it('`--lang ar` anywhere before the words asks for Arabic, whatever the user’s own setting', () => {
    const user = chat().session('viewer').user;
    expect(replyLang('/wf --lang ar status RUH', user)).toBe('ar');
    expect(replyLang('<@U0WFBOT> status RUH --lang=ar', user)).toBe('ar');
    expect(replyLang('status RUH', { ...user, lang: 'ar' })).toBe('ar');
    expect(replyLang('--lang en status جدة', { ...user, lang: 'ar' })).toBe('en');
    expect(replyLang('incidents note 42 -- --lang ar', user)).toBe('en');
  });

  it('`status RUH` in Arabic names the city in Arabic: جوي · الرياض · الرياض', async () => {
    const reply = expectKind(await answer('/wf --lang ar status RUH', chat().session('viewer')), 'site');
    const rendered = JSON.stringify(renderSlack(reply, 'ar').body);
    expect(rendered).toContain('مطار الملك خالد الدولي');
    expect(rendered).toContain('جوي · الرياض · الرياض');
    expect(rendered).not.toContain('Riyadh');
  });

  it('the Arabic "did you mean" for جدة is Arabic, drawn from the error’s details, not the hub’s English sentence', async () => {
    const dym = expectKind(await answer('status جدة', chat().session('viewer')), 'did-you-mean');
    expect(dym.question).toContain('جدة');
    expect(dym.question).not.toMatch(/[A-Za-z]/);
    const english = expectKind(await answer('status jeddah', chat().session('viewer')), 'did-you-mean');
    expect(english.question).toBe('"jeddah" matches more than one site');
  });

  it('a choice pressed after an Arabic question answers in Arabic too', async () => {
    const [first] = await choicesOf('status جدة');
    expect(replyLang(first!, chat().session('viewer').user)).toBe('ar');
    expect(await siteOf(first!)).toBe('JED');
  });
});

describe('outside text stays inert', () => {
  it('words joined into a site name come back escaped in the question and stay one word on the buttons', async () => {
    const reply = await answer('status <!channel> King "Fahd" <https://evil.example|x>', chat().session('viewer'));
    const slack = JSON.stringify(renderSlack(reply, 'en'));
    expect(slack).toContain('&lt;!channel&gt;'); // said back, as text
    expect(slack).not.toContain('<!channel>');
    expect(slack).not.toContain('<https://evil.example');
    if (reply.kind === 'did-you-mean') for (const c of reply.choices) expect(c.value).toMatch(/^status \S+$/);
  });
});

describe('hints name what to type in chat', () => {
  it('a usage error points at `/wf help` for the command it came from, not `watchfloor --help`', async () => {
    const error = expectKind(await answer('/wf status --bogus', chat().session('viewer')), 'error');
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('`/wf help status`');
    expect(JSON.stringify(error)).not.toContain('watchfloor');
  });

  it('an unknown incident points at `/wf incidents list`', async () => {
    const error = expectKind(await answer('incidents show INC-999999', chat().session('viewer')), 'error');
    expect(error.exitCode).toBe(4);
    expect(error.hint).toBe('list them with `/wf incidents list`');
  });

  it('a question about no known place points at `/wf sites list`', async () => {
    const error = expectKind(await answer('wait at Qzxv Vvvq', chat().session('viewer')), 'error');
    expect(error.hint).toBe('`/wf sites list`');
  });

  it('in Teams the hint is the bot’s mention form', async () => {
    const teams = chat().session('viewer');
    const error = expectKind(await answer('incidents show INC-999999', { ...teams, user: { ...teams.user, platform: 'teams' } }), 'error');
    expect(error.hint).toBe('list them with `@watchfloor incidents list`');
  });
});
