// What the incident-card tests share: real notifiers against the test's hub
// and Slack stand-in, with timings short enough for a test and kept so that
// each test stops its own; and Alertmanager webhooks of fresh alerts.
import { startIncidentCards, type IncidentCards, type IncidentCardsOptions } from '../../src/bot/slack/notifier.js';
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

/** An Alertmanager webhook of one firing alert at a site (a fresh fingerprint unless one is given). */
export function firingAlert(site: string, severity: string, fingerprint = `cards-${process.pid}-${++fingerprints}`): Webhook {
  const body = fixture('alertmanager-v4-firing.json') as Webhook;
  const a = body.alerts[0]!;
  a.fingerprint = fingerprint;
  a.labels = { ...a.labels, site, severity };
  return body;
}
