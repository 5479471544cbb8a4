// Request shapes of the hub's own endpoints. All strict: a field the hub does
// not know is a client bug worth hearing about. (The Alertmanager intake is
// the exception; see incidents/alertmanager-webhook.ts.)
import { z } from 'zod';
import { AuditCheckpoint, TokenRole, Severity, SiteKind, AssetKind, IncidentState, SiteTelemetry } from '../../core/model.js';
import { FORECAST_HOURS, WAIT_HISTORY_MINUTES } from '../../core/vocabulary.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const limit = (max: number) => z.coerce.number().int().min(1).max(max);

export const CreateIncidentBody = z
  .object({ title: text(300), severity: Severity, siteId: text(100).optional(), assetId: text(200).optional() })
  .strict();
export const AckBody = z.object({}).strict();
export const AssignBody = z.object({ to: text(200) }).strict();
export const NoteBody = z.object({ text: text(10_000) }).strict();
export const EscalateBody = z.object({ reason: text(2_000).optional() }).strict();
export const ResolveBody = z.object({ summary: text(10_000) }).strict();

export const TelemetryBody = z.object({ sites: z.array(SiteTelemetry).max(1_000) }).strict();

/** `expires`: an ISO time or a span from now (90d); the hub's clock turns it into the token's expiresAt. */
export const CreateTokenBody = z.object({ name: text(100), role: TokenRole, bot: z.boolean().optional(), expires: text(64).optional() }).strict();

export const SitesQuery = z.object({ kind: SiteKind.optional(), region: text(100).optional() }).strict();
export const AssetsQuery = z.object({ site: text(100).optional(), kind: AssetKind.optional() }).strict();
export const IncidentsQuery = z
  .object({
    state: z.union([IncidentState, z.literal('open')]).optional(),
    site: text(100).optional(),
    severity: Severity.optional(),
    limit: limit(1_000).optional(),
    /** false: top-level incidents only, children folded under their parents (default: every incident). */
    children: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    /** Only the children of this incident. */
    parent: text(64).optional(),
  })
  .strict();
/** `since`: an ISO time, or a sequence number to continue after. */
// Checkpoints an auditor kept, to hold the log to (a month at one a minute is some 45,000).
export const AUDIT_VERIFY_MAX_CHECKPOINTS = 100_000;
export const VerifyAuditBody = z.object({ checkpoints: z.array(AuditCheckpoint).max(AUDIT_VERIFY_MAX_CHECKPOINTS) }).strict();
export const AuditListQuery = z.object({ since: text(64).optional(), limit: limit(10_000).optional() }).strict();
export const EventsQuery = z
  .object({ token: z.string().optional(), since: z.coerce.number().int().nonnegative().optional() })
  .strict();
export const NoQuery = z.object({}).strict();
/** `GET /v1/sites/:id?assets=attention`: only the assets not ok (what chat draws); `assetCount` still counts them all. */
export const SiteDetailQuery = z.object({ assets: z.enum(['all', 'attention']).optional() }).strict();
export const WaitHistoryQuery = z
  .object({ minutes: z.coerce.number().int().min(1).max(WAIT_HISTORY_MINUTES.max).optional() })
  .strict();

export const ForecastQuery = z.object({ hours: z.coerce.number().int().min(1).max(FORECAST_HOURS.max).optional() }).strict();

export const IdParams = z.object({ id: text(200) });

/** `name`: how errors name the file checked (its file name, as the sender knows it). */
export const ValidatePlaybookQuery = z.object({ name: text(200).optional() }).strict();

/** An inventory's files as text: the hub reads them (YAML, JSON, CSV), so its errors name file and line. */
const InventoryFiles = z.array(z.object({ name: text(300), text: z.string() }).strict()).min(1).max(20);
export const InventoryPlanBody = z.object({ files: InventoryFiles }).strict();
export const InventoryApplyBody = z.object({ files: InventoryFiles, force: z.boolean().optional() }).strict();
