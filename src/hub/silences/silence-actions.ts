// Adding, expiring and cancelling silences and maintenance windows: each a
// transaction with its audit entry (hash-chained by the store) and its
// `silence.changed` event. Natural expiry writes nothing: the audit entry of
// the add already holds the end, and whether a silence holds is the clock's
// to say at read (silence-state.ts), with no job whose absence would keep a
// silence alive. The role (officer for silences, supervisor for maintenance
// windows) is the route's; here the kinds stay apart, so no path ends a
// window through the laxer silence rule.
import { ConflictError, NotFoundError, UsageError } from '../../core/errors.js';
import type { NewMaintenanceInput, NewSilenceInput, Silence, SilenceChange, SilenceKind } from '../../core/model.js';
import { silenceSpanMs, windowTimes } from '../../core/silence-rules.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import type { NewSilence, StoreWriter } from '../store/store.js';
import { transact, type Emit, type TransactDeps } from '../transact.js';
import { siteIdOf } from '../site-id.js';
import { labelTest } from './silence-matcher.js';
import { withState } from './silence-state.js';

const KIND_WORDS: Record<SilenceKind, { noun: string; verb: string; list: string }> = {
  silence: { noun: 'silence', verb: 'expire', list: '`watchfloor silence list --all`' },
  maintenance: { noun: 'maintenance window', verb: 'cancel', list: '`watchfloor maintenance list --all`' },
};

async function insertAudited(tx: StoreWriter, emit: Emit, caller: Caller, silence: NewSilence, at: string): Promise<Silence> {
  const stored = withState(await tx.insertSilence(silence), at);
  await tx.appendAudit({
    at,
    actor: refOf(caller.actor),
    channel: caller.channel,
    action: `${silence.kind}.add`,
    target: stored.id,
    detail: {
      siteId: stored.siteId,
      assetId: stored.assetId,
      matchers: stored.matchers,
      startsAt: stored.startsAt,
      endsAt: stored.endsAt,
      reason: stored.reason,
      ...(stored.drillRunId ? { drillRunId: stored.drillRunId } : {}),
      ...callerDetail(caller),
    },
  });
  emit('silence.changed', { change: 'added', silence: stored } satisfies SilenceChange);
  return stored;
}

/** A silence from now for a span, of a site, an asset and/or label matchers (all must hold). */
export function addSilence(deps: TransactDeps, caller: Caller, input: NewSilenceInput & { drillRunId?: string }): Promise<Silence> {
  const ms = silenceSpanMs(input.for);
  if (input.siteId === undefined && input.assetId === undefined && !input.matchers?.length) {
    throw new UsageError('a silence needs --site, --asset or --match: a silence of everything would hide every alert');
  }
  for (const m of input.matchers ?? []) labelTest(m);
  return transact(deps, async (tx, emit) => {
    const now = deps.now();
    const at = now.toISOString();
    const asset = input.assetId === undefined ? undefined : await tx.getAsset(input.assetId);
    if (input.assetId !== undefined && !asset) throw new NotFoundError(`no asset ${input.assetId}`, { hint: 'list them with `watchfloor sites show SITE`' });
    const siteId = input.siteId === undefined ? null : await siteIdOf(tx, input.siteId);
    return insertAudited(tx, emit, caller, {
      kind: 'silence',
      siteId,
      assetId: asset?.id ?? null,
      matchers: input.matchers ?? [],
      startsAt: at,
      endsAt: new Date(now.getTime() + ms).toISOString(),
      reason: input.reason,
      createdAt: at,
      createdBy: refOf(caller.actor),
      drillRunId: input.drillRunId ?? null,
    }, at);
  });
}

/** A site's maintenance window: from and until as ISO-8601 times; one already over, or ending before it starts, is refused. */
export function addMaintenance(deps: TransactDeps, caller: Caller, input: NewMaintenanceInput): Promise<Silence> {
  const { from, until } = windowTimes(input.from, input.until);
  return transact(deps, async (tx, emit) => {
    const now = deps.now();
    if (until <= now.getTime()) throw new UsageError(`the window ends at ${new Date(until).toISOString()}, already past: nothing to schedule`);
    const at = now.toISOString();
    return insertAudited(tx, emit, caller, {
      kind: 'maintenance',
      siteId: await siteIdOf(tx, input.siteId),
      assetId: null,
      matchers: [],
      startsAt: new Date(from).toISOString(),
      endsAt: new Date(until).toISOString(),
      reason: input.reason,
      createdAt: at,
      createdBy: refOf(caller.actor),
      drillRunId: null,
    }, at);
  });
}

/** Ends a silence (or cancels a window) now; 404 for an id of the other kind, 409 for one already over. */
export function endSilence(deps: TransactDeps, caller: Caller, kind: SilenceKind, id: string): Promise<Silence> {
  const words = KIND_WORDS[kind];
  return transact(deps, async (tx, emit) => {
    const at = deps.now().toISOString();
    const found = await tx.getSilence(id);
    if (!found || found.kind !== kind) throw new NotFoundError(`no ${words.noun} ${id}`, { hint: `list them with ${words.list}` });
    const before = withState(found, at);
    if (before.state === 'expired') throw new ConflictError(`${words.noun} ${found.id} is already over`, { details: { state: before.state } });
    await tx.expireSilence(found.id, at, refOf(caller.actor));
    const ended = withState((await tx.getSilence(found.id))!, at);
    await tx.appendAudit({
      at,
      actor: refOf(caller.actor),
      channel: caller.channel,
      action: `${kind}.${words.verb}`,
      target: found.id,
      detail: { endsAt: found.endsAt, was: before.state, ...callerDetail(caller) },
    });
    emit('silence.changed', { change: 'expired', silence: ended } satisfies SilenceChange);
    return ended;
  });
}
