// Site modes in chat: a fleet or site reply says when the fleet or a site runs
// otherwise than normally (offline processing while a national platform is
// down, surge, evacuation…), on Slack and Teams alike, and says nothing of
// modes when everything is normal.
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/bot/slack/blocks.js';
import { renderTeams } from '../../src/bot/teams/cards.js';
import type { BotReply } from '../../src/bot/reply.js';
import { FLEET, SITE_DETAIL } from './fixtures/replies.js';

const offline: BotReply = {
  kind: 'fleet',
  status: { ...FLEET, mode: 'offline-processing', sites: FLEET.sites.map((s, i) => ({ ...s, mode: i === 2 ? 'evacuation' : 'offline-processing' })) },
};
const site: BotReply = { kind: 'site', site: { ...SITE_DETAIL, status: { ...SITE_DETAIL.status, mode: 'surge' } } };
const both = (reply: BotReply) => [JSON.stringify(renderSlack(reply, 'en').body), JSON.stringify(renderTeams(reply, 'en').body)];

describe('site modes in chat', () => {
  it('a fleet reply names the fleet mode, and lists a quiet site that runs in a mode of its own', () => {
    for (const out of both(offline)) {
      expect(out).toContain('fleet mode: offline-processing');
      // JED has no incident and is healthy: listed only because it is evacuating.
      expect(out).toMatch(/JED[^"]*evacuation/);
    }
  });

  it('a site reply shows its mode', () => {
    for (const out of both(site)) expect(out).toContain('surge');
  });

  it('says nothing of modes when all is normal', () => {
    for (const out of both({ kind: 'fleet', status: FLEET })) expect(out).not.toContain('mode');
    for (const out of both({ kind: 'site', site: SITE_DETAIL })) expect(out).not.toContain('mode');
  });
});

describe('a site degraded by a national platform alone, in chat', () => {
  const degraded: BotReply = {
    kind: 'site',
    site: { ...SITE_DETAIL, status: { ...SITE_DETAIL.status, health: 'degraded' }, platformsDown: [{ id: 'platform/visa', name: 'Visa <http://x|platform> *down*', health: 'down' }] },
  };

  it('names the platform on Slack and Teams, its name made inert', () => {
    const [slack, teams] = both(degraded);
    expect(slack).toContain('platforms not ok');
    expect(slack).not.toContain('<http://x|platform>');
    expect(teams).toContain('platforms not ok');
    expect(teams).toContain('Visa');
  });

  it('says nothing of platforms when none is down', () => {
    for (const out of both({ kind: 'site', site: { ...SITE_DETAIL, platformsDown: [] } })) expect(out).not.toContain('platforms not ok');
  });
});
