// The hub's HTTP app, built apart from listening so tests can inject requests.
import { tmpdir } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAuth } from './api/auth.js';
import { BODY_LIMIT_BYTES, installErrorHandling } from './api/errors.js';
import { registerAuditRoutes } from './api/routes/audit.js';
import { registerBackupRoutes } from './api/routes/backup.js';
import { registerCardRoutes } from './api/routes/cards.js';
import { registerDiagnosticRoutes } from './api/routes/diagnostics.js';
import { registerDispatchRoutes } from './api/routes/dispatches.js';
import { registerDrillRoutes } from './api/routes/drills.js';
import { registerKpiRoutes } from './api/routes/kpi.js';
import { registerEventRoutes } from './api/routes/events.js';
import { registerFleetRoutes } from './api/routes/fleet.js';
import { registerHandoverRoutes } from './api/routes/handovers.js';
import { registerHealthRoutes } from './api/routes/health.js';
import { registerIdentityRoutes } from './api/routes/identity.js';
import { registerIncidentRoutes } from './api/routes/incidents.js';
import { registerIngestRoutes } from './api/routes/ingest.js';
import { registerInventoryRoutes } from './api/routes/inventory.js';
import { registerPlaybookAutoRoutes } from './api/routes/playbook-auto.js';
import { registerPlaybookRoutes } from './api/routes/playbooks.js';
import { registerPlaybookRunRoutes } from './api/routes/playbook-runs.js';
import { registerSilenceRoutes } from './api/routes/silences.js';
import { registerWaitHistoryRoutes } from './api/routes/wait-history.js';
import { registerScenarioRoutes } from './api/routes/scenarios.js';
import { registerForecastRoutes } from './api/routes/forecast.js';
import { registerBreachRoutes } from './api/routes/breaches.js';
import type { HubContext } from './context.js';
import { httpTimeoutOptions, type HttpTimeouts } from './http-timeouts.js';
import { createAlertPipeline, type IntakeLimits } from './incidents/alert-pipeline.js';
import { fastAlertIntake } from './api/fast-alert-intake.js';
import { serverFactoryWith } from './http-server.js';
import { createDiagnostics } from './diagnostics/service.js';
import { createPlaybookRuns, type PlaybookRuns } from './playbooks/run-service.js';
import { createTokenSessions } from './tokens/token-sessions.js';

export interface AppOptions {
  /** Bounds on slow or silent clients (tests shorten them). */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** The playbook runs and their runner; startHub hands its own (an app built without makes one it never starts). */
  playbookRuns?: PlaybookRuns;
  /** Where backups are made before they are sent (startHub: beside the data file; default the system's temporary directory). */
  backupDir?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
  /** The alert intake's queue bounds (defaults in incidents/intake-queue.ts; tests make it tiny). */
  intake?: Partial<IntakeLimits>;
}

export function buildApp(ctx: HubContext, options: AppOptions = {}): FastifyInstance {
  const timeouts = httpTimeoutOptions(options.httpTimeouts);
  // One alert pipeline for the intake routes and the fast path ahead of fastify's routing (POST /api/v2/alerts).
  const alerts = createAlertPipeline(ctx, options.intake);
  const app: FastifyInstance = Fastify({
    serverFactory: serverFactoryWith((fastify) => fastAlertIntake(ctx, alerts, () => app, fastify)),
    ...timeouts,
    // node's https server takes the same bounds as its http one, in its own options.
    ...(options.tls ? { https: { ...timeouts.http, ...options.tls } } : {}),
    logger: false, // the hub logs through ctx.log, never to stdout
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep-alive sockets of idle clients must not hold up close().
    forceCloseConnections: 'idle',
    // Fastify's own 503 body would break the ApiErrorBody contract.
    return503OnClosing: false,
  });
  app.addHook('onClose', () => alerts.close());

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  installErrorHandling(app, ctx.log);
  installAuth(app, ctx);
  // Event streams outlive the check made when they open; their token's revocation or expiry ends them.
  const sessions = createTokenSessions(ctx.store, { now: ctx.now, log: ctx.log });
  app.addHook('onClose', async () => sessions.close());
  registerHealthRoutes(app, ctx);
  registerFleetRoutes(app, ctx);
  registerInventoryRoutes(app, ctx);
  registerWaitHistoryRoutes(app, ctx);
  registerScenarioRoutes(app, ctx);
  registerForecastRoutes(app, ctx);
  registerBreachRoutes(app, ctx);
  registerIncidentRoutes(app, ctx);
  registerIngestRoutes(app, ctx, alerts);
  registerIdentityRoutes(app, ctx, sessions);
  registerAuditRoutes(app, ctx);
  registerEventRoutes(app, ctx, sessions);
  let diagnostics = ctx.diagnostics;
  if (!diagnostics) {
    const own = (diagnostics = createDiagnostics(ctx));
    app.addHook('onClose', () => own.close());
  }
  registerDiagnosticRoutes(app, ctx, diagnostics);
  registerDispatchRoutes(app, ctx);
  registerKpiRoutes(app, ctx);
  registerCardRoutes(app, ctx);
  registerPlaybookRoutes(app, ctx);
  registerPlaybookAutoRoutes(app, ctx);
  let runs = options.playbookRuns;
  if (!runs) {
    const own = (runs = createPlaybookRuns(ctx));
    app.addHook('onClose', () => own.runner.close());
  }
  registerPlaybookRunRoutes(app, runs);
  registerDrillRoutes(app, ctx);
  registerSilenceRoutes(app, ctx);
  registerHandoverRoutes(app, ctx);
  registerBackupRoutes(app, ctx, options.backupDir ?? tmpdir());
  return app;
}
