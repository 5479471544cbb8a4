// Who did something: a token holder, a mapped chat user, or the hub itself.
import { z } from 'zod';
import { TokenRole } from './vocabulary-schemas.js';

export const Actor = z.object({
  id: z.string(),
  name: z.string(),
  role: TokenRole,
});
export type Actor = z.infer<typeof Actor>;

export const ActorRef = z.object({ id: z.string(), name: z.string() });
export type ActorRef = z.infer<typeof ActorRef>;
