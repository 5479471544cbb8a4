// API tokens as the hub shows them: never the secret, which is shown once.
import { z } from 'zod';
import { TokenRole } from './vocabulary-schemas.js';

// The public face of an API token; the secret is shown once, at creation.
export const TokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: TokenRole,
  /** A chat bot's token: the only kind that may act for chat users (x-watchfloor-on-behalf-of). */
  bot: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** After this the token is refused (401); null: it never expires. */
  expiresAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;
