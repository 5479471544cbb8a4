// The RBAC matrix: every route of the hub that can change state (listed from
// the fastify app itself) × every kind of caller (each role, intake, a bot
// acting for a chat user of each role, a token that is not a bot's acting for
// one, revoked, expired, no token) × every channel (HTTP, the built CLI,
// Slack and Teams through answer() and the buttons' dispatcher with an
// identity map, and the intake posting what a resolve or an escalate does).
// Each call must get what its role allows; a refused call must leave the
// hub's state as it was. An escape is a refused call that got through or
// changed something: there must be none.
//
// One hub for all of it. HTTP runs the whole product; chat runs every verb
// chat offers for each chat role on both platforms; the CLI, a child process
// a call, runs each verb as the highest role refused and the lowest allowed,
// and one verb as each caller refused before any role (about two dozen
// processes, not the ~100 of the whole product).
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAction } from '../../src/bot/actions.js';
import { answer } from '../../src/bot/answer.js';
import { parseIdentityMap, resolveChatUser, type ChatPlatform } from '../../src/bot/identity.js';
import type { BotReply } from '../../src/bot/reply.js';
import type { ChatSession } from '../../src/bot/session.js';
import type { Role } from '../../src/core/model.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { mutatingRoutes } from './hub-routes.js';
import { CASES, type Case, type Target } from './matrix.js';
import { PEOPLE, chatRole, createPrincipals, expected, type Outcome, type Principal, type Principals } from './principals.js';
import { startMatrixWorld, type MatrixWorld } from './world.js';

let world: MatrixWorld;
let principals: Principals;
let cli: CliEnv;
const escapes: string[] = [];
let checks = 0;

beforeAll(async () => {
  world = await startMatrixWorld();
  principals = await createPrincipals(world.admin, world.unique, world.botSecret);
  cli = cliEnv();
}, 60_000);

afterAll(async () => {
  await world?.stop();
  cli?.cleanup();
});

/** A refused call is one that must change nothing. */
const refused = (o: string) => o !== 'allowed';
const caseName = (c: Case) => `${c.route} — ${c.name}`;
/** The CLI and chat tell a refusal by its exit code, 6 for both 401 and 403. */
const either = (o: Outcome) => (refused(o) ? 'refused' : 'allowed');

/**
 * Sets up what `c` acts on, makes the call, and returns what went wrong: a
 * different answer than expected, or an escape (also kept for the total).
 * `want` and `got` are `allowed` or how the call was refused.
 */
async function check(label: string, c: Case, want: string, call: (t: Target) => Promise<{ got: string; detail: string }>): Promise<string[]> {
  const t = await c.arrange(world);
  const before = await world.snapshot(t);
  const { got, detail } = await call(t);
  const after = await world.snapshot(t);
  checks++;
  const problems: string[] = [];
  const escape = (why: string) => {
    escapes.push(`${label}: ${why}`);
    problems.push(`ESCAPE ${label}: ${why} (${detail})`);
  };
  if (refused(want) && got === 'allowed') escape(`allowed, should be ${want}`);
  else if (refused(want) && !isDeepStrictEqual(before, after)) escape('refused, yet the hub’s state changed');
  else if (got !== want) problems.push(`${label}: got ${got}, want ${want} (${detail})`);
  // The other side of the state check: an allowed call's change must show, or a refusal's "no change" proves nothing.
  else if (!refused(want) && c.changes !== false && isDeepStrictEqual(before, after)) problems.push(`${label}: allowed, yet the hub's state shows no change (${detail})`);
  if (!refused(want) && got === 'allowed' && c.after) {
    const wrong = await c.after(world, t);
    if (wrong) escape(wrong);
  }
  return problems;
}

describe('the matrix covers the hub', () => {
  it('has an entry for every route that can change state, and no entry for a route that is gone', async () => {
    const routes = await mutatingRoutes();
    const covered = new Set(CASES.map((c) => c.route));
    expect(routes.filter((r) => !covered.has(r)), 'routes without an entry in test/rbac/matrix.ts').toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r)), 'entries for routes the hub no longer has').toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });
});

describe('over HTTP, every case for every caller', () => {
  const statusOf: Record<Outcome, (c: Case) => number> = { allowed: (c) => c.status, forbidden: () => 403, unauthenticated: () => 401 };
  /** Any success is `allowed` where a refusal was wanted; else the status must be the case's own. */
  const outcomeOf = (c: Case, status: number, want: Outcome): string => {
    if (status >= 200 && status < 300) return status === c.status || refused(want) ? 'allowed' : `HTTP ${status}`;
    return status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : `HTTP ${status}`;
  };

  it.each(CASES.map((c) => [caseName(c), c] as const))('%s', async (_name, c) => {
    const problems: string[] = [];
    for (const p of principals.all) {
      const want = expected(c, p);
      problems.push(
        ...(await check(`http · ${caseName(c)} · ${p.name}`, c, want, async (t) => {
          const { method, path, body } = c.http(t);
          const headers = { ...p.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
          const res = await fetch(`${world.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
          const text = await res.text();
          return { got: outcomeOf(c, res.status, want), detail: `${res.status} ${text.slice(0, 160)} (want ${statusOf[want](c)})` };
        })),
      );
    }
    expect(problems).toEqual([]);
  });
});

describe('in chat, through the bot’s token and the identity map', () => {
  // The viewer is nobody the map knows: anyone unmapped may only read.
  const mapped = PEOPLE.filter((role) => role !== 'viewer');
  const IDENTITIES = parseIdentityMap(
    ['users:', ...['slack', 'teams'].flatMap((platform) => mapped.map((role) => `  ${platform}:U0${role.toUpperCase()}: { name: ${role} on shift, role: ${role} }`))].join('\n'),
  );
  const userIdOf = (role: Role) => (role === 'viewer' ? 'U0GUEST' : `U0${role.toUpperCase()}`);
  const session = (platform: ChatPlatform, role: Role, token: string): ChatSession => ({
    user: resolveChatUser(IDENTITIES, platform, userIdOf(role)),
    hub: { hubUrl: world.url, token },
  });
  const seen = (reply: BotReply): string => (reply.kind !== 'error' ? 'allowed' : reply.exitCode === 6 ? 'refused' : `error exit ${reply.exitCode}`);
  const chatWant = (c: Case, who: { role?: Role; refused?: Exclude<Outcome, 'allowed'> }) =>
    either(expected(c, { role: who.role && chatRole(who.role), refused: who.refused }));

  const callers = () => [
    ...(['slack', 'teams'] as const).flatMap((platform) =>
      PEOPLE.map((role) => ({ name: `${platform} ${role}`, session: session(platform, role, principals.botSecret), who: { role } })),
    ),
    { name: 'slack officer through a token that is not a bot’s', session: session('slack', 'officer', principals.notABotSecret), who: { refused: 'forbidden' as const } },
    { name: 'slack admin through a revoked bot token', session: session('slack', 'admin', principals.revokedBotSecret), who: { refused: 'unauthenticated' as const } },
  ];

  const chatCases = CASES.filter((c) => c.chat || c.button);
  it.each(chatCases.map((c) => [caseName(c), c] as const))('%s', async (_name, c) => {
    const problems: string[] = [];
    for (const caller of callers()) {
      const want = chatWant(c, caller.who);
      if (c.chat) {
        problems.push(...(await check(`chat text · ${caseName(c)} · ${caller.name}`, c, want, async (t) => {
          const reply = await answer(c.chat!(t), caller.session);
          return { got: seen(reply), detail: JSON.stringify(reply).slice(0, 200) };
        })));
      }
      if (c.button) {
        problems.push(...(await check(`chat button · ${caseName(c)} · ${caller.name}`, c, want, async (t) => {
          const reply = await dispatchAction(c.button!(t), caller.session);
          return { got: seen(reply), detail: JSON.stringify(reply).slice(0, 200) };
        })));
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('at the CLI, the built program as a child process', () => {
  const cliCases = CASES.filter((c) => c.cli);
  /** The highest person's role refused and the lowest role allowed: where a wrong rank would show. */
  const edgeOf = (c: Case): Principal[] => {
    const people = PEOPLE.map((role) => principals.byName(role));
    const refusedPeople = people.filter((p) => refused(expected(c, p)));
    const allowed = [...people, principals.byName('intake')].filter((p) => !refused(expected(c, p)));
    return [refusedPeople.at(-1) ?? principals.byName('intake'), allowed[0]!];
  };
  // One verb also as each caller refused before any role is looked at.
  const REFUSED_FIRST = ['intake', 'revoked', 'expired', 'no token'];
  const callersOf = (c: Case): Principal[] =>
    c.route === 'POST /v1/incidents/:id/ack' ? [...edgeOf(c), ...REFUSED_FIRST.map((n) => principals.byName(n))] : edgeOf(c);

  it.each(cliCases.map((c) => [caseName(c), c] as const))('%s', async (_name, c) => {
    const problems: string[] = [];
    for (const p of callersOf(c)) {
      const want = either(expected(c, p));
      problems.push(
        ...(await check(`cli · ${caseName(c)} · ${p.name}`, c, want, async (t) => {
          const env = { ...cli.env, WATCHFLOOR_HUB: world.url, ...(p.secret ? { WATCHFLOOR_TOKEN: p.secret } : {}) };
          const r = await runCli(c.cli!(t), env);
          return { got: r.code === 0 ? 'allowed' : r.code === 6 ? 'refused' : `exit ${r.code}`, detail: `exit ${r.code}: ${r.stderr.trim().slice(0, 200)}` };
        })),
      );
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('escapes', () => {
  it('none: no refused call got through or changed the hub, on any route, for any caller, over any channel', () => {
    // One line for the record: how much the matrix covered.
    console.info(`RBAC matrix: ${checks} checks over ${new Set(CASES.map((c) => c.route)).size} routes, ${escapes.length} escapes`);
    expect(checks).toBeGreaterThan(300);
    expect(escapes).toEqual([]);
  });
});
