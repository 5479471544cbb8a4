// The domain model shared by the hub and every front end, one file a noun in
// model/. The hub validates with the schemas; clients import the types
// (`import type`) so the CLI's hot path does not pay for loading zod.
export * from './model/vocabulary-schemas.js';
export * from './model/actors.js';
export * from './model/sites.js';
export * from './model/incidents.js';
export * from './model/telemetry.js';
export * from './model/fleet-status.js';
export * from './model/tokens.js';
export * from './model/audit.js';
export * from './model/events.js';
export * from './model/diagnostics.js';
export * from './model/dispatches.js';
export * from './model/kpi.js';
export * from './model/cards.js';
export * from './model/intake.js';
export * from './model/emulator-control.js';
export * from './model/playbooks.js';
export * from './model/playbook-catalog.js';
export * from './model/playbook-runs.js';
export * from './model/inventory.js';
export * from './model/playbook-auto.js';
export * from './model/drills.js';
export * from './model/run-reports.js';
export * from './model/silences.js';
export * from './model/handovers.js';
export * from './model/scenarios.js';
export * from './model/forecast.js';
export * from './model/breaches.js';
