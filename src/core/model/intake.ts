// What the hub's intake answers a sender.

/** POST /v1/ingest/alertmanager: the incidents an Alertmanager notification opened, updated or resolved. */
export interface AlertmanagerIngestResult {
  created: string[];
  updated: string[];
  resolved: string[];
  ignored: number;
  /** Alerts a silence or maintenance window took: recorded, no incident, nobody paged (absent from hubs before silences). */
  silenced?: number;
}
