// The fleet's inventory in the store: sites, their assets, the dependencies
// between assets and how alert labels name them.
import type { AlertLabelMapping, Asset, AssetKind, Dependency, Health, Site, SiteKind } from '../../core/model.js';

export interface SiteQuery {
  kind?: SiteKind | undefined;
  region?: string | undefined;
}

export interface AssetQuery {
  siteId?: string | undefined;
  kind?: AssetKind | undefined;
  /** Only the assets whose health is not ok: what a site's detail for chat lists. */
  notOk?: boolean | undefined;
}

export interface AssetCount {
  siteId: string | null;
  kind: AssetKind;
  health: Health;
  count: number;
}

/** A new health for an asset: `countedHealth` is what its real incidents alone give (drills left out). */
export interface AssetHealthUpdate {
  assetId: string;
  health: Health;
  countedHealth: Health;
  at: string;
}

export interface FleetReader {
  countSites(): Promise<number>;
  listSites(query?: SiteQuery): Promise<Site[]>;
  /** Matched case-insensitively. */
  getSite(id: string): Promise<Site | undefined>;
  listAssets(query?: AssetQuery): Promise<Asset[]>;
  /** Matched case-insensitively. */
  getAsset(id: string): Promise<Asset | undefined>;
  /** The whole fleet's, or one site's (a site's detail should not count every other site's assets). */
  countAssets(siteId?: string): Promise<AssetCount[]>;
  /** Every dependency, ordered by asset then what it depends on. */
  listDependencies(): Promise<Dependency[]>;
  /** The mapping an inventory set; undefined until one did (the intake then reads its defaults). */
  getAlertLabels(): Promise<AlertLabelMapping | undefined>;
  /**
   * A number every change of sites, assets, dependencies or the alert-label mapping moves on
   * (not health), kept in the store so a hub sees another's apply: what the
   * intake compiled from the inventory stays good while it stands still.
   */
  getInventoryRevision(): Promise<number>;
}

export interface FleetWriter {
  upsertSites(sites: Site[]): Promise<void>;
  upsertAssets(assets: Asset[]): Promise<void>;
  /**
   * Sets the asset's health and, when it or the counted health changed,
   * appends the change to the asset's health history (the KPIs' source):
   * the one way health is written, so no path skips the history.
   */
  setAssetHealth(update: AssetHealthUpdate): Promise<void>;
  /** With their assets, telemetry and wait history (and those assets' dependencies); health history stays. */
  removeSites(ids: string[]): Promise<void>;
  /** With their dependencies, either way. */
  removeAssets(ids: string[]): Promise<void>;
  addDependencies(dependencies: Dependency[]): Promise<void>;
  removeDependencies(dependencies: Dependency[]): Promise<void>;
  setAlertLabels(mapping: AlertLabelMapping): Promise<void>;
}
