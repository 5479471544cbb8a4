// `--watch` for any verb that declares a WatchableView: run it once (a bad
// --region fails here, with its exit code), hand the snapshot on, then follow
// the hub and hand on what changed after each refetch, until the process is
// asked to stop (Ctrl-C, SIGTERM, or a reader that closed the pipe): exit 0,
// as `watch` and `demo` end.
import type { VerbContext } from '../context.js';
import type { AnyVerb } from '../verb.js';
import { changesBetween } from './changes.js';
import { followChanges } from './follow-changes.js';
import type { WatchableView, WatchFrame } from './watchable.js';

export async function watchVerb(verb: AnyVerb, view: WatchableView<unknown, unknown>, input: unknown, ctx: VerbContext<unknown>, show: (frame: WatchFrame) => void): Promise<void> {
  let last: unknown = await verb.run(input, ctx);
  show({ kind: 'snapshot', result: last });
  const stop = new AbortController();
  void ctx.deps.waitForShutdown().then(() => stop.abort());
  await followChanges({
    client: ctx.client(),
    fetch: () => verb.run(input, ctx),
    affectedBy: view.affectedBy,
    ...(view.gatherMs !== undefined ? { gatherMs: view.gatherMs } : {}),
    signal: stop.signal,
    note: (text) => ctx.info(`watchfloor: ${text}`),
    onResult(result) {
      const changes = changesBetween(view.records(last), view.records(result), view.key).map(({ change, record }) => ({
        change,
        only: view.only(change === 'removed' ? last : result, [record]),
      }));
      last = result;
      if (changes.length) show({ kind: 'update', result, changes });
    },
  });
}
