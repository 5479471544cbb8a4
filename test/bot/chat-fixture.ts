// A demo hub (seed 7) with a bot token, and chat sessions for users of each role.
import { afterAll, beforeAll, expect } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { Role } from '../../src/core/vocabulary.js';
import type { BotReply, ChatUser, Lang } from '../../src/bot/reply.js';
import type { ChatSession } from '../../src/bot/session.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

export interface ChatHub {
  hub: TestHub;
  admin: CoreClient;
  /** A session for a Slack user mapped to `role` (viewer = unmapped). */
  session(role: Role, options?: { userId?: string; lang?: Lang; name?: string }): ChatSession;
  stop(): Promise<void>;
}

export async function startChatHub(): Promise<ChatHub> {
  const hub = await startTestHub({ demo: true, seed: 7 });
  const admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
  // The bot's own token: supervisor, so act-as can only ever lower it; a bot's, so it may act for chat users.
  const bot = await admin.createToken({ name: 'slack-bot', role: 'supervisor', bot: true });
  return {
    hub,
    admin,
    session(role, options = {}) {
      const user: ChatUser = {
        platform: 'slack',
        userId: options.userId ?? `U${role.toUpperCase()}`,
        watchfloorName: role === 'viewer' ? null : (options.name ?? `${role} on shift`),
        role,
        lang: options.lang ?? 'en',
      };
      return { user, hub: { hubUrl: hub.url, token: bot.secret } };
    },
    async stop() {
      await admin.close();
      await hub.stop();
    },
  };
}

/** An open incident in the demo fleet that nobody has acknowledged yet. */
export async function triggeredIncident(admin: CoreClient, title: string): Promise<string> {
  const created = await admin.createIncident({ title, severity: 'sev2', siteId: 'RUH' });
  return created.incident.id;
}

/** One chat hub for the file: started before its tests, stopped after; the getter is for use inside them. */
export function useChatHub(): () => ChatHub {
  let chat: ChatHub | undefined;
  beforeAll(async () => {
    chat = await startChatHub();
  }, 30_000);
  afterAll(async () => {
    await chat?.stop();
  });
  return () => chat!;
}

/** The reply, checked to be of this kind (the whole reply shown when it is not). */
export function expectKind<K extends BotReply['kind']>(reply: BotReply, kind: K): Extract<BotReply, { kind: K }> {
  expect(reply.kind, JSON.stringify(reply).slice(0, 400)).toBe(kind);
  return reply as Extract<BotReply, { kind: K }>;
}
