// Who a chat user is in watchfloor: a configured map from platform user ids
// to names, roles and languages. Anyone not in the map may only read.
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../core/errors.js';
import { ROLES, type Role } from '../core/vocabulary.js';
import { LANGS, type Lang } from '../render/labels.js';
import type { ChatUser } from './reply.js';

export interface IdentityEntry {
  name: string;
  role: Role;
  lang?: Lang;
}

/** Keyed `slack:U0123` or `teams:<aadObjectId>`. */
export interface IdentityMap {
  users: Record<string, IdentityEntry>;
}

export type ChatPlatform = ChatUser['platform'];

const KEY = /^(slack|teams):\S+$/;

/** Reads the map from YAML or JSON (JSON is YAML); a bad entry is a one-line usage error naming it. */
export function parseIdentityMap(text: string): IdentityMap {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new UsageError(`the identity map is not valid YAML or JSON${line ? ` (line ${line})` : ''}`, { cause: e });
  }
  if (doc === null || doc === undefined) return { users: {} };
  const users = (doc as { users?: unknown }).users;
  if (typeof doc !== 'object' || Array.isArray(doc) || (users !== undefined && (typeof users !== 'object' || users === null || Array.isArray(users)))) {
    throw new UsageError('the identity map must be an object with `users:` mapping slack:U… / teams:… to { name, role, lang }');
  }
  const out: Record<string, IdentityEntry> = {};
  for (const [key, value] of Object.entries((users ?? {}) as Record<string, unknown>)) {
    out[key] = identityEntry(key, value);
  }
  return { users: out };
}

function identityEntry(key: string, value: unknown): IdentityEntry {
  if (!KEY.test(key)) throw new UsageError(`identity map: "${key}" should be slack:<user id> or teams:<aad object id>`);
  const v = (value ?? {}) as Record<string, unknown>;
  if (typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`identity map: ${key} should be { name, role, lang }`);
  if (typeof v.name !== 'string' || !v.name.trim()) throw new UsageError(`identity map: ${key} has no name`);
  if (!ROLES.includes(v.role as Role)) {
    throw new UsageError(`identity map: ${key} has role ${JSON.stringify(v.role ?? null)}; use one of ${ROLES.join(', ')}`);
  }
  if (v.lang !== undefined && !LANGS.includes(v.lang as Lang)) {
    throw new UsageError(`identity map: ${key} has lang ${JSON.stringify(v.lang)}; use one of ${LANGS.join(', ')}`);
  }
  return { name: v.name.trim(), role: v.role as Role, ...(v.lang ? { lang: v.lang as Lang } : {}) };
}

/**
 * The ChatUser for a platform user. Unmapped users are viewers with no
 * watchfloor name. Language: the map's, else what the platform said (`lang`), else English.
 */
export function resolveChatUser(map: IdentityMap, platform: ChatPlatform, userId: string, lang?: Lang): ChatUser {
  const entry = map.users[`${platform}:${userId}`];
  return {
    platform,
    userId,
    watchfloorName: entry?.name ?? null,
    role: entry?.role ?? 'viewer',
    lang: entry?.lang ?? lang ?? 'en',
  };
}
