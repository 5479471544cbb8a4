// Issuing and accepting shift handovers: each one transaction with its audit
// entry (hash-chained by the store) and its event after commit. The record is
// composed and stored in the same transaction as the read of the previous
// handover, so two issued at once still chain: the second carries the first's
// open items. Acceptance is by another person than the issuer — the same
// person as the two-person rule counts them (approval-rules.ts: one token, or
// the chat user mapped to that name) — and the rule lives here, not in a
// route, so every path (CLI, chat button, API) meets it.
import { createHash } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError } from '../../core/errors.js';
import { shiftMs } from '../../core/handover-rules.js';
import { handoverSummary, type Handover, type HandoverContent, type HandoverEvent, type IssueHandoverInput } from '../../core/model.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { samePerson } from '../playbooks/approval-rules.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import type { StoreReader } from '../store/store.js';
import { transact, type TransactDeps } from '../transact.js';
import { composeHandover } from './compose.js';
import { nextShiftBreaches } from './next-shift-breaches.js';
import { shiftKpis } from './shift-kpis.js';

// Bounds on what one handover reads; a floor with more open at once has bigger problems than its handover.
const READ_LIMIT = 1_000;

/** sha-256 (hex) of the content's canonical JSON: what the record's `hash` is and the audit entry holds. */
export const handoverHash = (content: HandoverContent): string => createHash('sha256').update(canonicalJson(content)).digest('hex');

export const handoverNotFound = (id: string) => new NotFoundError(`no handover ${id}`, { hint: 'list them with `watchfloor handover list`' });

/** A handover by id, or the newest for `latest`. */
export async function findHandover(store: StoreReader, id: string): Promise<Handover> {
  const found = id.toLowerCase() === 'latest' ? await store.latestHandover() : await store.getHandover(id);
  if (!found) throw id.toLowerCase() === 'latest' ? new NotFoundError('no handover has been issued yet', { hint: 'issue one with `watchfloor handover`' }) : handoverNotFound(id);
  return found;
}

export async function issueHandover(deps: TransactDeps & { peakCalendarFile?: string | undefined }, caller: Caller, input: IssueHandoverInput): Promise<Handover> {
  const lengthMs = shiftMs(input.shift);
  const breaches = await nextShiftBreaches(deps, lengthMs);
  return transact(deps, async (tx, emit) => {
    const now = deps.now();
    const at = now.toISOString();
    const shift = { from: new Date(now.getTime() - lengthMs).toISOString(), until: at };
    const [previous, open, resolved, dispatches, runs, kpis] = await Promise.all([
      tx.latestHandover(),
      tx.listIncidents({ state: 'open', limit: READ_LIMIT }),
      tx.listIncidents({ state: 'resolved', limit: READ_LIMIT }),
      tx.listDispatches({ limit: READ_LIMIT }),
      tx.listRuns({ limit: READ_LIMIT }),
      shiftKpis(tx, shift),
    ]);
    const content = composeHandover({
      shift,
      previous: previous && { id: previous.id, openItems: previous.content.openItems },
      incidents: [...open, ...resolved],
      dispatches,
      runs,
      kpis,
      breaches,
    });
    const hash = handoverHash(content);
    const stored = await tx.insertHandover({ issuedAt: at, issuedBy: refOf(caller.actor), issuedChannel: caller.channel, content, hash });
    await tx.appendAudit({
      at,
      actor: refOf(caller.actor),
      channel: caller.channel,
      action: 'handover.issue',
      target: stored.id,
      detail: {
        hash,
        shift,
        previousId: content.previousId,
        openItems: content.openItems.map((i) => i.id),
        carriedOver: content.carriedOver.map((i) => i.id),
        ...(input.post ? { post: input.post } : {}),
        ...callerDetail(caller),
      },
    });
    emit('handover.issued', { handover: handoverSummary(stored), post: input.post ?? null } satisfies HandoverEvent);
    return stored;
  });
}

/** The incoming officer takes over `id` (or the latest): never its issuer, once, and only the latest handover. */
export function acceptHandover(deps: TransactDeps, caller: Caller, id: string): Promise<Handover> {
  return transact(deps, async (tx, emit) => {
    const at = deps.now().toISOString();
    const found = await findHandover(tx, id);
    if (samePerson(found.issuedBy, caller.actor)) {
      throw new ForbiddenError(`${caller.actor.name} issued ${found.id}: another officer takes it over`, {
        hint: 'the incoming officer accepts it: `watchfloor handover accept` with their own token, or the Accept button in chat',
        details: { needed: 'another officer', issuedBy: found.issuedBy.name },
      });
    }
    if (found.acceptedAt !== null) {
      throw new ConflictError(`${found.id} was already accepted by ${found.acceptedBy?.name ?? 'someone'} at ${found.acceptedAt}`, {
        details: { acceptedBy: found.acceptedBy, acceptedAt: found.acceptedAt },
      });
    }
    const latest = await tx.latestHandover();
    if (latest && latest.id !== found.id) {
      throw new ConflictError(`${found.id} was followed by ${latest.id}: take over the latest handover`, {
        hint: `\`watchfloor handover accept ${latest.id}\``,
        details: { latest: latest.id },
      });
    }
    if (!(await tx.acceptHandover(found.id, at, refOf(caller.actor), caller.channel))) {
      throw new ConflictError(`${found.id} was accepted meanwhile`);
    }
    const accepted = (await tx.getHandover(found.id))!;
    await tx.appendAudit({
      at,
      actor: refOf(caller.actor),
      channel: caller.channel,
      action: 'handover.accept',
      target: found.id,
      detail: { hash: found.hash, issuedBy: found.issuedBy, openItems: found.content.openItems.length, ...callerDetail(caller) },
    });
    emit('handover.accepted', { handover: handoverSummary(accepted), post: null } satisfies HandoverEvent);
    return accepted;
  });
}
