// A local stand-in for the Bot Framework Connector (the service a Teams bot
// sends its own messages through: https://smba.trafficmanager.net/…), for the
// Teams card tests: a real HTTP server on 127.0.0.1:0 that answers a new
// activity in a conversation (sendToConversation, replyToActivity) with its
// id and replaces one by id (updateActivity), as the
// Connector does, records every call with the token it carried, and can be
// told to answer 503 for a while. Also the credentials a bot under test sends
// it, so no test asks Microsoft's login service for a token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

export const CONNECTOR_TEST_TOKEN = 'connector-test-token';

export interface ConnectorCall {
  method: string;
  conversationId: string;
  activityId?: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown>;
  status: number;
}

export interface ConnectorActivity {
  id: string;
  conversationId: string;
  activity: Record<string, unknown>;
  /** How many times it was replaced in place. */
  updates: number;
}

export interface BotConnectorStandIn {
  /** The serviceUrl a conversation reference names. */
  url: string;
  calls: ConnectorCall[];
  activities: Map<string, ConnectorActivity>;
  /** Answer 503 to everything while true. */
  setUnavailable(down: boolean): void;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startBotConnector(): Promise<BotConnectorStandIn> {
  const calls: ConnectorCall[] = [];
  const activities = new Map<string, ConnectorActivity>();
  let unavailable = false;
  let next = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const match = ACTIVITIES.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    const conversationId = match ? decodeURIComponent(match[1]!) : '';
    const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    const answer = (status: number, payload: unknown) => {
      calls.push({ method: req.method ?? '', conversationId, activityId, authorization: req.headers.authorization, body, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    if (unavailable) return answer(503, { error: { code: 'ServiceUnavailable', message: 'down for the test' } });
    if (req.headers.authorization !== `Bearer ${CONNECTOR_TEST_TOKEN}`) return answer(401, { error: { code: 'Unauthorized' } });
    if (!match) return answer(404, { error: { code: 'NotFound' } });
    // A new message, or a reply (replyToActivity: what a bot's turn sends, its activity id in the path); in a Teams
    // channel's conversation (no ;messageid=) both start a new post.
    if (req.method === 'POST') {
      const id = `1700000000${String(++next).padStart(3, '0')}`;
      activities.set(id, { id, conversationId, activity: body, updates: 0 });
      return answer(201, { id });
    }
    if (req.method === 'PUT' && activityId) {
      const known = activities.get(activityId);
      if (!known || known.conversationId !== conversationId) return answer(404, { error: { code: 'ActivityNotFound' } });
      activities.set(activityId, { ...known, activity: body, updates: known.updates + 1 });
      return answer(200, { id: activityId });
    }
    return answer(405, { error: { code: 'MethodNotAllowed', path: req.url, method: req.method } });
  }

  const server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    activities,
    setUnavailable: (down) => void (unavailable = down),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The bot's authentication with a fixed token for the stand-in, in place of one from Microsoft's login service. */
export function connectorTestAuth(): ConfigurationBotFrameworkAuthentication {
  const factory = {
    isValidAppId: async () => true,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', `Bearer ${CONNECTOR_TEST_TOKEN}`);
        return request;
      },
    }),
  };
  return new ConfigurationBotFrameworkAuthentication({}, factory as unknown as ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]);
}
