// A time that arrives from outside in a request body, as a schema: checked by
// the same rule as `since` (core/time-input.ts) and kept in the stored form,
// so what the hub hands back is the ISO-8601 UTC that docs/json.md promises.
import { z } from 'zod';
import { normalIsoTime, TIME_RULE } from '../time-input.js';

export const IsoTime = z.string().transform((text, ctx) => {
  const at = normalIsoTime(text, { requireOffset: true });
  if (at !== undefined) return at;
  ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 64)}" is not ${TIME_RULE}` });
  return z.NEVER;
});
