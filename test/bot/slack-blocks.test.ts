// The Slack renderer: every reply kind against its golden blocks (en, and ar
// for the common ones), buttons per incident state, text that tries to become
// a mention or a link, and Slack's size limits.
import { runActions } from '../../src/bot/run-facts.js';
import { runDetail } from './fixtures/run-detail.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BotReply } from '../../src/bot/reply.js';
import { parseSlackActionId, renderIncidentCard, renderSlack, renderSlackHome, SLACK_LIMITS, type SlackBlock } from '../../src/bot/slack/blocks.js';
import { escapeMrkdwn } from '../../src/bot/slack/mrkdwn.js';
import { expectGolden } from '../helpers/golden.js';
import { ACKED, FLEET, INCIDENT, RESOLVED, sampleReplies } from './fixtures/replies.js';

const golden = (name: string) => join(import.meta.dirname, 'golden', `slack-${name}.json`);
const ARABIC_KINDS = ['fleet', 'site', 'incident', 'incidents', 'wait', 'error', 'did-you-mean', 'help'];

/** Every text Slack would show or parse: section text, fields, context, headers, buttons. */
function textsOf(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'header':
        return [b.text.text];
      case 'section':
        return [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)];
      case 'context':
        return b.elements.map((e) => e.text);
      case 'actions':
        return b.elements.flatMap((e) => [e.text.text]);
      case 'divider':
        return [];
    }
  });
}

function buttonsOf(blocks: SlackBlock[]) {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
}

function expectWithinLimits(blocks: SlackBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const b of blocks) {
    if (b.type === 'section') {
      expect([...(b.text?.text ?? '')].length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect((b.fields ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.fields);
    }
    if (b.type === 'header') expect([...b.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.header);
    if (b.type === 'actions') {
      const ids = b.elements.map((e) => e.action_id);
      expect(new Set(ids).size, 'action_ids unique within a block').toBe(ids.length);
      for (const e of b.elements) expect([...e.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.button);
    }
  }
}

describe('renderSlack golden blocks', () => {
  for (const [kind, reply] of Object.entries(sampleReplies())) {
    it(`${kind} in English`, () => {
      const rendered = renderSlack(reply, 'en');
      expect(rendered.text.length).toBeGreaterThan(0);
      expectWithinLimits(rendered.body);
      expectGolden(golden(`${kind}-en`), rendered);
    });
  }
  for (const kind of ARABIC_KINDS) {
    it(`${kind} in Arabic`, () => {
      const rendered = renderSlack(sampleReplies()[kind]!, 'ar');
      expectWithinLimits(rendered.body);
      expectGolden(golden(`${kind}-ar`), rendered);
    });
  }

  it('names sites, states and buttons in Arabic', () => {
    const site = textsOf(renderSlack(sampleReplies().site!, 'ar').body).join('\n');
    expect(site).toContain('مطار الملك خالد الدولي');
    const card = renderIncidentCard(INCIDENT, 'ar').body;
    expect(buttonsOf(card).map((b) => b.text.text)).toEqual(['استلام', 'تشغيل التشخيص', 'تصعيد', 'إغلاق']);
  });
});

describe('the incident card', () => {
  it('shows the four buttons on a new incident, each wf:<action> with the incident id', () => {
    const rendered = renderIncidentCard(INCIDENT, 'en');
    expectGolden(golden('incident-card-triggered-en'), rendered);
    const buttons = buttonsOf(rendered.body);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      ['wf:ack', INCIDENT.id],
      ['wf:diag', INCIDENT.id],
      ['wf:escalate', INCIDENT.id],
      ['wf:resolve', INCIDENT.id],
    ]);
    expect(buttons.map((b) => parseSlackActionId(b.action_id))).toEqual(['ack', 'diag', 'escalate', 'resolve']);
    const facts = textsOf(rendered.body).join('\n');
    for (const fact of [INCIDENT.severity, INCIDENT.siteId!, 'triggered', 'opened']) expect(facts).toContain(fact);
    // The age, kept current by Slack itself, with the time as the fallback.
    expect(facts).toContain(`<!date^${Math.floor(Date.parse(INCIDENT.createdAt) / 1000)}^{ago}|2026-03-01 07:50 UTC>`);
  });

  it('has no Acknowledge once acknowledged, and no buttons once resolved', () => {
    expect(buttonsOf(renderIncidentCard(ACKED, 'en').body).map((b) => b.action_id)).toEqual(['wf:diag', 'wf:escalate', 'wf:resolve']);
    const resolved = renderIncidentCard(RESOLVED, 'en');
    expect(buttonsOf(resolved.body)).toEqual([]);
    expectGolden(golden('incident-card-resolved-en'), resolved);
    expect(textsOf(resolved.body).join('\n')).toContain(ACKED.acknowledgedBy!.name);
  });

  it('parses only the bot’s own action ids', () => {
    expect(parseSlackActionId('wf:run:2')).toBe('run');
    expect(parseSlackActionId('wf:delete')).toBeUndefined();
    expect(parseSlackActionId('other:ack')).toBeUndefined();
  });
});

// A mention, a special mention or a link; the bot's own <!date^…> age token is not one.
const INJECTED = /<[@#]|<!(?!date\^\d+\^\{ago\}\|)|<https?:/;

describe('text from people and devices stays inert', () => {
  const evil = 'Gate down <!channel> <https://evil.example|click> <@U0BOSS> & *bold* <!here>';

  it('escapes &, < and > so no mention or link survives', () => {
    expect(escapeMrkdwn(evil)).toBe('Gate down &lt;!channel&gt; &lt;https://evil.example|click&gt; &lt;@U0BOSS&gt; &amp; *bold* &lt;!here&gt;');
  });

  it('an incident titled with mentions and links renders inert everywhere on the card', () => {
    const incident = { ...INCIDENT, title: evil, assignee: '<@U0BOSS>', summary: null };
    const reply: BotReply = {
      kind: 'incident',
      incident: { incident, timeline: [{ id: 1, incidentId: incident.id, at: incident.createdAt, kind: 'note', actor: { id: 'x', name: '<!everyone>' }, channel: 'slack', text: '<https://evil.example|login>' }] },
      actions: [{ id: 'run', label: '<!channel> press', value: 'status RUH' }],
    };
    const rendered = renderSlack(reply, 'en');
    expectGolden(golden('injection-en'), rendered);
    const all = [rendered.text, ...textsOf(rendered.body)].join('\n');
    expect(all).not.toMatch(INJECTED);
    expect(all).toContain('&lt;!channel&gt;');
    // Also the did-you-mean question, an error and the CLI's verbatim text.
    for (const r of [
      { kind: 'did-you-mean', question: evil, choices: [] },
      { kind: 'error', message: evil, hint: evil, exitCode: 1 },
      { kind: 'text', title: evil, text: evil },
      { kind: 'done', message: evil, incident },
      { kind: 'incidents', incidents: [incident], heading: evil },
      { kind: 'run', detail: runDetail(evil), actions: runActions(runDetail(evil), 'en') },
    ] satisfies BotReply[]) {
      const out = renderSlack(r, 'en');
      expect([out.text, ...textsOf(out.body)].join('\n'), r.kind).not.toMatch(INJECTED);
    }
  });
});

describe('Slack limits', () => {
  it('a long list is cut to fit and says how many more', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...INCIDENT, id: `INC-${String(i).padStart(6, '0')}`, title: 'x'.repeat(400) }));
    const rendered = renderSlack({ kind: 'incidents', incidents: many, heading: 'Open incidents' }, 'en');
    expectWithinLimits(rendered.body);
    expect(textsOf(rendered.body).join('\n')).toMatch(/… 385 more/);
  });

  it('long texts are cut with … and buttons keep to 75 characters', () => {
    const rendered = renderSlack({ kind: 'text', title: 'y'.repeat(500), text: 'z'.repeat(10_000) }, 'en');
    expectWithinLimits(rendered.body);
    expect(textsOf(rendered.body).some((t) => t.includes('…'))).toBe(true);
    const choices = renderSlack({ kind: 'did-you-mean', question: 'q', choices: [1, 2, 3].map((n) => ({ id: 'run', label: `${n} ${'w'.repeat(200)}`, value: 'status' })) }, 'en');
    expectWithinLimits(choices.body);
    expect(buttonsOf(choices.body).map((b) => b.action_id)).toEqual(['wf:run:0', 'wf:run:1', 'wf:run:2']);
    expect(buttonsOf(choices.body).every((b) => b.text.text.endsWith('…'))).toBe(true);
  });

  it('a message of more than 50 blocks keeps 49 and says how many more', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ usage: `cmd-${i} ${'u'.repeat(60)}`, description: 'd'.repeat(190) }));
    const rendered = renderSlack({ kind: 'help', commands: lines, examples: [] }, 'en');
    expectWithinLimits(rendered.body);
  });

  it('the App Home is the fleet summary', () => {
    const home = renderSlackHome(FLEET, 'en');
    expect(home.type).toBe('home');
    expect(home.blocks).toEqual(renderSlack({ kind: 'fleet', status: FLEET }, 'en').body);
  });
});
