// The fleet's inventory in the store: sites and their assets.
import type { Asset, AssetKind, Health, Site, SiteKind } from '../../core/model.js';

export interface SiteQuery {
  kind?: SiteKind | undefined;
  region?: string | undefined;
}

export interface AssetQuery {
  siteId?: string | undefined;
  kind?: AssetKind | undefined;
}

export interface AssetCount {
  siteId: string | null;
  kind: AssetKind;
  health: Health;
  count: number;
}

export interface FleetReader {
  countSites(): Promise<number>;
  listSites(query?: SiteQuery): Promise<Site[]>;
  /** Matched case-insensitively. */
  getSite(id: string): Promise<Site | undefined>;
  listAssets(query?: AssetQuery): Promise<Asset[]>;
  /** Matched case-insensitively. */
  getAsset(id: string): Promise<Asset | undefined>;
  countAssets(): Promise<AssetCount[]>;
}

export interface FleetWriter {
  upsertSites(sites: Site[]): Promise<void>;
  upsertAssets(assets: Asset[]): Promise<void>;
  setAssetHealth(id: string, health: Health): Promise<void>;
}
