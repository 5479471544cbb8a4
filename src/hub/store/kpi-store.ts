// What the KPIs read and keep in the store: incidents' times, the history of
// assets' health, and travellers' survey answers.
import type { AssetKind, Health, Severity, SurveyAnswer } from '../../core/model.js';

/** An incident's times, for MTTA and MTTR. */
export interface IncidentTimes {
  id: string;
  severity: Severity;
  siteId: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

/** One change of an asset's health; `counted*` leave drill incidents out. */
export interface AssetHealthChange {
  assetId: string;
  siteId: string | null;
  kind: AssetKind;
  at: string;
  health: Health;
  countedHealth: Health;
  previousHealth: Health;
  previousCountedHealth: Health;
}

/** An asset as the inventory holds it now, with the health its real incidents give it. */
export interface CountedAsset {
  assetId: string;
  siteId: string | null;
  kind: AssetKind;
  countedHealth: Health;
}

export interface StoredSurveyAnswer extends SurveyAnswer {
  receivedAt: string;
}

export interface KpiReader {
  /** Real (not drill) top-level and grouped incidents opened in [since, until), oldest first. */
  listIncidentTimes(since: string, until: string): Promise<IncidentTimes[]>;
  /** Every health change at or after `from`, oldest first (whatever asset, even one removed since). */
  listAssetHealthChanges(from: string): Promise<AssetHealthChange[]>;
  /** The inventory's assets of these kinds (every kind when empty), each with its latest counted health. */
  listCountedAssets(kinds: readonly AssetKind[]): Promise<CountedAsset[]>;
  /** Answers given in [since, until), oldest first. */
  listSurveyAnswers(since: string, until: string): Promise<StoredSurveyAnswer[]>;
}

export interface KpiWriter {
  insertSurveyAnswers(answers: StoredSurveyAnswer[]): Promise<void>;
  /**
   * Retention: deletes survey answers and health changes older than `before`
   * — each asset's latest change kept, since it says the asset's counted
   * health now (the changes after it carry the state before them); how many of each.
   */
  pruneKpiHistory(before: string): Promise<{ healthChanges: number; surveyAnswers: number }>;
}
