// What the incident-card tests share: real notifiers against the test's hub
// and Slack stand-in, with timings short enough for a test and kept so that
// each test stops its own; and Alertmanager webhooks of fresh alerts.
import { startIncidentCards, type IncidentCards, type IncidentCardsOptions } from '../../src/bot/slack/notifier.js';
import type { TeamsCardsOptions } from '../../src/bot/teams/notifier.js';
import { connectorTestAuth } from '../helpers/bot-connector.js';
import { fixture } from '../hub/hub-fixture.js';

export type Webhook = { alerts: { labels: Record<string, string>; fingerprint: string; status: string }[] };

export interface CardsWorld {
  hubUrl: string;
  botToken: string;
  slackApiUrl: string;
  routing: IncidentCardsOptions['routing'];
}

export function cardNotifiers(world: () => CardsWorld) {
  const running = new Set<IncidentCards>();
  return {
    start(extra: Partial<IncidentCardsOptions> = {}): IncidentCards {
      const w = world();
      const cards = startIncidentCards({
        hub: { hubUrl: w.hubUrl, token: w.botToken },
        slackToken: 'xoxb-test',
        slackApiUrl: w.slackApiUrl,
        outboxFile: ':memory:',
        routing: w.routing,
        outboxBackoffMs: { base: 50, max: 500 },
        reconnectBackoffMs: { min: 50, max: 300 },
        ...extra,
      });
      running.add(cards);
      return cards;
    },
    /** Stop one as a bot dies: it renews nothing, sends nothing more, releases nothing. */
    async stop(cards: IncidentCards): Promise<void> {
      running.delete(cards);
      await cards.stop();
    },
    async stopAll(): Promise<void> {
      await Promise.all([...running].map((c) => this.stop(c)));
    },
  };
}

let fingerprints = 0;

/**
 * An Alertmanager webhook of one firing alert at a site (a fresh fingerprint unless one is given). A fresh alert is
 * its own (a `case` label of its fingerprint): the same alert at three sites would be one storm, grouped under one card.
 */
export function firingAlert(site: string, severity: string, fingerprint = `cards-${process.pid}-${++fingerprints}`): Webhook {
  const body = fixture('alertmanager-v4-firing.json') as Webhook;
  const a = body.alerts[0]!;
  a.fingerprint = fingerprint;
  a.labels = { ...a.labels, site, severity, case: fingerprint };
  return body;
}

/**
 * A card's blocks without its "Run playbook" buttons and their line, which
 * follow the hub's proposals rather than the incident: what these tests
 * compare is the incident the card shows (run-card.test.ts tests the buttons).
 */
export function incidentPart(blocks: unknown): string {
  const kept = (blocks as { type: string; elements?: { action_id?: string }[] }[])
    .map((b) => (b.type === 'actions' ? { ...b, elements: b.elements!.filter((e) => !e.action_id?.startsWith('wf:playbook')) } : b))
    .filter((b) => !(b.type === 'actions' && b.elements!.length === 0))
    .filter((b) => !(b.type === 'context' && JSON.stringify(b).includes('watchfloor playbook run')));
  // An action id's index counts every button of its block: without the playbook buttons, count again.
  return JSON.stringify(kept).replace(/"wf:([a-z]+):\d+"/g, '"wf:$1"');
}

/** A Teams notifier's options against the Bot Connector stand-in, with a test's short timings. */
export function teamsCardsOptions(w: { connectorUrl: string; hubUrl: string; botToken: string; routing: TeamsCardsOptions['routing'] }): TeamsCardsOptions {
  return {
    appId: '00000000-0000-0000-0000-000000000001',
    appPassword: 'not-used-with-the-test-auth',
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    auth: connectorTestAuth(),
    serviceUrl: w.connectorUrl,
    hub: { hubUrl: w.hubUrl, token: w.botToken },
    outboxFile: ':memory:',
    routing: w.routing,
    outboxBackoffMs: { base: 50, max: 500 },
    reconnectBackoffMs: { min: 50, max: 300 },
  };
}
