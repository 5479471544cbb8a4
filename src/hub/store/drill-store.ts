// What drills leave in the store: the assets a drill's inject steps marked
// (so an incident their fault opens is known as the drill's), and each
// drill's scorecard, written once when it ends, so a team's scores keep
// their history whatever later happens to the playbook's file.
import type { DrillScorecard } from '../../core/model.js';

export interface DrillMark {
  runId: string;
  stepId: string;
  attempt: number;
  assetId: string;
  markedAt: string;
}

export interface DrillScoreQuery {
  playbookId?: string | undefined;
  limit?: number | undefined;
}

export interface DrillReader {
  /**
   * The drill run that owns an incident opening on `assetId` at `at`: one that
   * marked the asset by then and had not ended before it. Undefined: a real one.
   */
  drillRunOnAsset(assetId: string, at: string): Promise<string | undefined>;
  /** Newest first (by when the drill ended). */
  listDrillScores(query?: DrillScoreQuery): Promise<DrillScorecard[]>;
  getDrillScore(runId: string): Promise<DrillScorecard | undefined>;
  /** The incidents a drill's faults opened, oldest first. */
  listDrillIncidentIds(runId: string): Promise<string[]>;
}

export interface DrillWriter {
  /** One per inject attempt; a second changes nothing. */
  insertDrillMark(mark: DrillMark): Promise<void>;
  /** Once per drill: a second (a run scored again after a crash) changes nothing. */
  insertDrillScore(card: DrillScorecard): Promise<void>;
}
