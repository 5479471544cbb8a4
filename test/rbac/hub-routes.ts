// The hub's routes as the fastify app itself lists them, so the RBAC matrix
// covers every route that can change state — one added later without an
// entry in the matrix fails it. The app is built over a throwaway store:
// only its route table is read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/hub/app.js';
import { openHubEvents } from '../../src/hub/events/hub-events.js';
import { createHubMetrics } from '../../src/hub/metrics.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads fastify's printRoutes({ commonPrefix: false }) tree: each line is an
 * indent of four columns a level, a branch, the path below its parent's, and
 * its methods — `│   ├── /:id/ack (POST)`.
 */
export function parseRouteTree(tree: string): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?$/u.exec(line);
    if (!match) continue;
    const depth = [...match[1]!].length / 4;
    const path = (parents[depth - 1] ?? '') + match[2]!;
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method) routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

/** `METHOD /path` of every route that may change state (not GET or HEAD). */
export async function mutatingRoutes(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wf-routes-'));
  const store = openSqliteStore(join(dir, 'hub.sqlite'));
  const events = await openHubEvents(store);
  const metrics = createHubMetrics({ openIncidents: async () => ({ sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 }), sseClients: () => 0 });
  const app = buildApp({ store, bus: events.bus, relay: events.relay, metrics, now: () => new Date(), log: () => {}, version: 'routes', startedAt: new Date() });
  try {
    await app.ready();
    return parseRouteTree(app.printRoutes({ commonPrefix: false })).filter((r) => MUTATING.has(r.split(' ')[0]!));
  } finally {
    await app.close();
    await events.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
