// The inventory as code: the file a directorate keeps of its sites, assets,
// the dependencies between assets and how its alerts' labels name them, as the
// hub validates it (zod), and the plan and apply results on the wire. One
// schema for YAML, JSON and each CSV table, so every format means the same.
import { z } from 'zod';
import type { Asset, Site } from './sites.js';
import { AssetKind, SiteKind } from './vocabulary-schemas.js';

const Id = z.string().trim().min(1).max(120);
const Text = z.string().trim().min(1).max(300);

export const InventorySite = z.strictObject({
  id: Id.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, ".", "_" and "-" only (it is the first part of asset ids)'),
  name: z.strictObject({ en: Text, ar: Text }),
  kind: SiteKind,
  region: Text,
  city: Text,
  cityAr: Text.nullable().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  neighbour: Text.nullable().optional(),
  annualPassengers: z.number().int().nonnegative().nullable().optional(),
  staff: z.number().int().nonnegative().optional(),
  source: z.string().max(2000).nullable().optional(),
});
export type InventorySite = z.infer<typeof InventorySite>;

export const InventoryAsset = z.strictObject({
  id: Id.regex(/^[^\s]+$/, 'no spaces'),
  /** Null or absent: a national platform every site may depend on. */
  site: Id.nullable().optional(),
  kind: AssetKind,
  name: Text,
  managementUrl: z.url({ protocol: /^(https?|ssh)$/ }).nullable().optional(),
  dependsOn: z.array(Id).max(100).optional(),
});
export type InventoryAsset = z.infer<typeof InventoryAsset>;

/**
 * One way to read a site or an asset out of an alert's labels: the label's
 * value, or what `pattern` captures of it, made into an id by `id` — a
 * template of `{1}`, `{name}` (capture groups), `{value}` (the whole value)
 * and, for assets, `{site}` (the site the alert was routed to).
 */
export const AlertLabelRule = z.strictObject({
  label: z.string().min(1).max(200),
  pattern: z.string().min(1).max(500).optional(),
  id: z.string().min(1).max(200).optional(),
});
export type AlertLabelRule = z.infer<typeof AlertLabelRule>;

export const AlertLabelMapping = z.strictObject({
  site: z.array(AlertLabelRule).max(20),
  asset: z.array(AlertLabelRule).max(20),
});
export type AlertLabelMapping = z.infer<typeof AlertLabelMapping>;

/** Each section present is what the hub is to hold; a section left out is left as it is. */
export const InventoryDocument = z.strictObject({
  sites: z.array(InventorySite).optional(),
  assets: z.array(InventoryAsset).optional(),
  alertLabels: AlertLabelMapping.optional(),
});
export type InventoryDocument = z.infer<typeof InventoryDocument>;

/** One file of an inventory as a client sends it: its name (for errors and the format) and its text. */
export interface InventoryFile {
  name: string;
  text: string;
}

/** One field that would change: its name and the values before and after (as JSON values). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangedEntry {
  id: string;
  fields: FieldChange[];
}

export interface RemovedEntry {
  id: string;
  /** Open incidents at it (at a site: at it or any of its assets); removing it needs --force while there are any. */
  openIncidents: string[];
}

export interface Dependency {
  asset: string;
  dependsOn: string;
}

export interface InventoryPlan {
  /** Whether applying would change anything. */
  changes: boolean;
  sites: { add: Site[]; change: ChangedEntry[]; remove: RemovedEntry[] };
  assets: { add: Omit<Asset, 'health'>[]; change: ChangedEntry[]; remove: RemovedEntry[] };
  dependencies: { add: Dependency[]; remove: Dependency[] };
  /** The mapping before and after, when it would change. */
  alertLabels: { before: AlertLabelMapping; after: AlertLabelMapping } | null;
  /** Sections the files left out: the hub's are kept as they are. */
  unmanaged: ('sites' | 'assets' | 'alertLabels')[];
}

export interface InventoryApplyResult {
  plan: InventoryPlan;
  /** False when the hub already matched: nothing was written, not even an audit row. */
  applied: boolean;
}

/** `GET /v1/inventory`: what the hub holds, as an inventory file would say it. */
export interface InventoryExport {
  sites: InventorySite[];
  assets: InventoryAsset[];
  alertLabels: AlertLabelMapping;
}
