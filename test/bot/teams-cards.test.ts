// The Teams renderer: every reply kind against its golden card (en, and ar for
// the common ones), the buttons an incident's state allows, and text from
// people or devices that tries to become a link, a mention or formatting.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAT_ACTION_IDS } from '../../src/bot/reply.js';
import type { AdaptiveCard, CardAction, CardElement, SubmitAction } from '../../src/bot/teams/adaptive-card.js';
import { renderIncidentAdaptiveCard, renderTeams } from '../../src/bot/teams/cards.js';
import { escapeTeamsText } from '../../src/bot/teams/markdown.js';
import { expectGolden } from '../helpers/golden.js';
import { ACKED, INCIDENT, RESOLVED, sampleReplies } from './fixtures/replies.js';

const golden = (name: string) => join(import.meta.dirname, 'golden', `teams-${name}.json`);
const ARABIC_KINDS = ['fleet', 'site', 'incident', 'incidents', 'wait', 'error', 'did-you-mean'];

/** Every text a card shows (TextBlocks, facts, inputs), nested cards included. */
function textsOf(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const element = (e: CardElement): void => {
    if (e.type === 'TextBlock') out.push(e.text);
    else if (e.type === 'FactSet') for (const f of e.facts) out.push(f.title, f.value);
    else if (e.type === 'Container') e.items.forEach(element);
    else if (e.type === 'CodeBlock') out.push(e.fallback.text);
    else if (e.type === 'ActionSet') e.actions.forEach(action);
  };
  const action = (a: CardAction): void => {
    if (a.type === 'Action.ShowCard') out.push(...textsOf(a.card));
  };
  card.body.forEach(element);
  card.actions?.forEach(action);
  return out;
}

function submitsOf(card: AdaptiveCard): SubmitAction[] {
  return (card.actions ?? []).flatMap((a) => (a.type === 'Action.Submit' ? [a] : submitsOf(a.card)));
}

describe('renderTeams golden cards', () => {
  for (const [kind, reply] of Object.entries(sampleReplies())) {
    it(`${kind} in English`, () => {
      const rendered = renderTeams(reply, 'en');
      expect(rendered.body.version).toBe('1.5');
      expect(rendered.body.rtl).toBeUndefined();
      expect(rendered.body.fallbackText).toBe(escapeTeamsText(rendered.text));
      expect(rendered.text.length).toBeGreaterThan(0);
      expectGolden(golden(`${kind}-en`), rendered);
    });
  }
  for (const kind of ARABIC_KINDS) {
    it(`${kind} in Arabic, right to left`, () => {
      const rendered = renderTeams(sampleReplies()[kind]!, 'ar');
      expect(rendered.body.rtl).toBe(true);
      expect(rendered.body.lang).toBe('ar');
      expectGolden(golden(`${kind}-ar`), rendered);
    });
  }

  it('names sites and states in Arabic on Arabic cards', () => {
    const texts = textsOf(renderTeams(sampleReplies().site!, 'ar').body).join('\n');
    expect(texts).toContain('مطار الملك خالد الدولي');
    expect(texts).toContain('متأثر'); // degraded
    expect(texts).not.toContain('King Khalid');
  });
});

describe('renderIncidentAdaptiveCard', () => {
  it('offers all four buttons on a triggered incident, each an Action.Submit the bot dispatches', () => {
    const card = renderIncidentAdaptiveCard(INCIDENT, 'en').body;
    expect((card.actions ?? []).map((a) => a.title)).toEqual(['Acknowledge', 'Run diagnostics', 'Escalate', 'Resolve']);
    const submits = submitsOf(card);
    for (const s of submits) {
      expect(CHAT_ACTION_IDS).toContain(s.data.wf);
      expect(s.data.value).toBe('INC-000042');
    }
    expect(submits.map((s) => s.data.wf)).toEqual(['ack', 'diag', 'escalate', 'resolve']);
    expectGolden(golden('incident-card-triggered-en'), renderIncidentAdaptiveCard(INCIDENT, 'en'));
  });

  it('asks for a summary before resolving: the Input.Text is submitted with the Resolve button', () => {
    const resolve = renderIncidentAdaptiveCard(INCIDENT, 'ar').body.actions!.find((a) => a.type === 'Action.ShowCard');
    if (resolve?.type !== 'Action.ShowCard') throw new Error('resolve should open a card asking for the summary');
    expect(resolve.title).toBe('إغلاق');
    expect(resolve.card.rtl).toBe(true);
    const input = resolve.card.body[0];
    expect(input).toMatchObject({ type: 'Input.Text', id: 'summary', isRequired: true });
    expect(resolve.card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', data: { wf: 'resolve', value: 'INC-000042' } }),
    ]);
  });

  it('drops Acknowledge once acknowledged, and every button once resolved', () => {
    expect(renderIncidentAdaptiveCard(ACKED, 'en').body.actions!.map((a) => a.title)).toEqual(['Run diagnostics', 'Escalate', 'Resolve']);
    const resolved = renderIncidentAdaptiveCard(RESOLVED, 'en');
    expect(resolved.body.actions).toBeUndefined();
    expect(textsOf(resolved.body)).toContain('reader cleared, gate back in service');
    expectGolden(golden('incident-card-resolved-en'), resolved);
  });
});

describe('text from people and devices cannot inject markup', () => {
  const hostile = {
    ...INCIDENT,
    title: 'Gate down [click here](https://evil.example/login) <at>General</at> **urgent** _now_\n- 1. list',
    siteId: 'RUH',
    summary: '&lt;at&gt;x&lt;/at&gt; `code` ~strike~',
  };

  it('escapes links, mentions, emphasis, entities and line-start lists (golden)', () => {
    const rendered = renderIncidentAdaptiveCard(hostile, 'en');
    expectGolden(golden('injection-en'), rendered);
    const texts = textsOf(rendered.body);
    const title = texts.find((t) => t.includes('Gate down'))!;
    expect(title).toBe(
      'Gate down \\[click here\\](https://evil.example/login) \\<at\\>General\\</at\\> \\*\\*urgent\\*\\* \\_now\\_ - 1. list',
    );
    for (const t of texts) {
      expect(t).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/); // no [text](url) left unescaped
      expect(t).not.toMatch(/(^|[^\\])<at>/i);
      expect(t).not.toMatch(/(^|[^\\])&lt;/);
    }
  });

  it('escapes a reply heading and error text too, and keeps Arabic as it is', () => {
    const card = renderTeams({ kind: 'error', message: 'no site "[x](http://a)" <at>all</at>', exitCode: 3 }, 'en').body;
    expect(textsOf(card)[0]).toBe('no site "\\[x\\](http://a)" \\<at\\>all\\</at\\>');
    expect(escapeTeamsText('جسر الملك فهد')).toBe('جسر الملك فهد');
  });

  it('keeps CLI output verbatim in a CodeBlock, escaping only the fallback', () => {
    const card = renderTeams(sampleReplies().text!, 'en').body;
    const block = card.body.find((e) => e.type === 'CodeBlock');
    if (block?.type !== 'CodeBlock') throw new Error('text replies should carry a CodeBlock');
    expect(block.codeSnippet).toBe('checked 1204 entries\nchain ok\n  * first: 2026-01-01');
    expect(block.fallback.text).toContain('\\* first');
  });
});
