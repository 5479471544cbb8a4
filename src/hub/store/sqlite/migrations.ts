// Versioned schema changes, applied in order, each once, each in its own
// transaction (migrate.ts). Never edit a released step: add the next one.
import { ALERT_JOURNAL_MIGRATION } from './migration-alert-journal.js';
import { ASSET_HEALTH_HISTORY_MIGRATION } from './migration-asset-health-history.js';
import { CHILD_COUNT_MIGRATION } from './migration-child-count.js';
import { CHILD_INSERT_MIGRATION } from './migration-child-insert.js';
import { CONTACT_CENTRE_MIGRATION } from './migration-contact-centre.js';
import { DRILLS_MIGRATION } from './migration-drills.js';
import { FLOW_HISTORY_MIGRATION } from './migration-flow-history.js';
import { FLOW_REVISIONS_MIGRATION } from './migration-flow-revisions.js';
import { HANDOVERS_MIGRATION } from './migration-handovers.js';
import { INCIDENT_GROUPS_MIGRATION } from './migration-incident-groups.js';
import { INCIDENT_INDEXES_MIGRATION } from './migration-incident-indexes.js';
import { INVENTORY_MIGRATION } from './migration-inventory.js';
import { JOURNAL_APPLIED_MIGRATION } from './migration-journal-applied.js';
import { JOURNAL_SEQ_MIGRATION } from './migration-journal-seq.js';
import { PLAYBOOK_AUTO_MIGRATION } from './migration-playbook-auto.js';
import { PLAYBOOK_RUNS_MIGRATION } from './migration-playbook-runs.js';
import { SILENCES_MIGRATION } from './migration-silences.js';
import { SURVEY_ANSWERS_MIGRATION } from './migration-survey-answers.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE sites (
        id                 TEXT PRIMARY KEY COLLATE NOCASE,
        name_en            TEXT NOT NULL,
        name_ar            TEXT NOT NULL,
        kind               TEXT NOT NULL,
        region             TEXT NOT NULL,
        city               TEXT NOT NULL,
        lat                REAL NOT NULL,
        lon                REAL NOT NULL,
        neighbour          TEXT,
        annual_passengers  INTEGER,
        staff              INTEGER NOT NULL,
        source             TEXT
      );

      CREATE TABLE assets (
        id              TEXT PRIMARY KEY COLLATE NOCASE,
        site_id         TEXT REFERENCES sites(id),
        kind            TEXT NOT NULL,
        name            TEXT NOT NULL,
        health          TEXT NOT NULL,
        management_url  TEXT
      );
      CREATE INDEX assets_site ON assets(site_id, kind);

      CREATE TABLE incidents (
        seq                 INTEGER PRIMARY KEY,
        id                  TEXT NOT NULL UNIQUE,
        title               TEXT NOT NULL,
        severity            TEXT NOT NULL,
        state               TEXT NOT NULL,
        site_id             TEXT,
        asset_id            TEXT,
        source              TEXT NOT NULL,
        fingerprint         TEXT,
        labels              TEXT NOT NULL,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        acknowledged_by_id  TEXT,
        acknowledged_by     TEXT,
        acknowledged_at     TEXT,
        assignee            TEXT,
        escalations         INTEGER NOT NULL DEFAULT 0,
        resolved_by_id      TEXT,
        resolved_by         TEXT,
        resolved_at         TEXT,
        summary             TEXT,
        version             INTEGER NOT NULL
      );
      -- Alert dedup: at most one open incident per Alertmanager fingerprint.
      CREATE UNIQUE INDEX incidents_open_fingerprint ON incidents(fingerprint)
        WHERE fingerprint IS NOT NULL AND state <> 'resolved';
      CREATE INDEX incidents_site ON incidents(site_id, state);
      CREATE INDEX incidents_asset ON incidents(asset_id, state);
      CREATE INDEX incidents_state ON incidents(state);

      CREATE TABLE timeline (
        id           INTEGER PRIMARY KEY,
        incident_id  TEXT NOT NULL REFERENCES incidents(id),
        at           TEXT NOT NULL,
        kind         TEXT NOT NULL,
        actor_id     TEXT NOT NULL,
        actor_name   TEXT NOT NULL,
        channel      TEXT NOT NULL,
        text         TEXT NOT NULL
      );
      CREATE INDEX timeline_incident ON timeline(incident_id, id);

      CREATE TABLE site_telemetry (
        site_id            TEXT PRIMARY KEY REFERENCES sites(id),
        at                 TEXT NOT NULL,
        arrivals_per_hour  REAL NOT NULL,
        queue_length       INTEGER NOT NULL,
        wait_minutes       REAL NOT NULL,
        egates_in_service  INTEGER NOT NULL,
        counters_open      INTEGER NOT NULL
      );

      -- Only the sha-256 of a secret is kept; the secret is shown once.
      CREATE TABLE tokens (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        role          TEXT NOT NULL,
        hash          TEXT NOT NULL UNIQUE,
        created_at    TEXT NOT NULL,
        last_used_at  TEXT,
        revoked_at    TEXT
      );

      CREATE TABLE audit (
        seq         INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor_id    TEXT NOT NULL,
        actor_name  TEXT NOT NULL,
        channel     TEXT NOT NULL,
        action      TEXT NOT NULL,
        target      TEXT,
        detail      TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      );

      INSERT INTO meta(key, value) VALUES ('incident_seq', '0');
    `,
  },
  {
    version: 2,
    name: 'remote diagnostics: runs and dispatches',
    sql: `
      -- One row per diagnostic run that touched an incident, acted or dispatched
      -- (dry runs and plain looks at healthy devices leave no trace).
      CREATE TABLE diagnostic_runs (
        id           TEXT PRIMARY KEY,
        incident_id  TEXT,
        site_id      TEXT,
        asset_id     TEXT NOT NULL,
        actor_id     TEXT NOT NULL,
        actor_name   TEXT NOT NULL,
        channel      TEXT NOT NULL,
        fix          INTEGER NOT NULL,
        verdict      TEXT NOT NULL,
        findings     TEXT NOT NULL,
        actions      TEXT NOT NULL,
        started_at   TEXT NOT NULL,
        finished_at  TEXT NOT NULL
      );
      CREATE INDEX diagnostic_runs_incident ON diagnostic_runs(incident_id, finished_at);

      CREATE TABLE dispatches (
        seq             INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        incident_id     TEXT NOT NULL REFERENCES incidents(id),
        site_id         TEXT,
        asset_id        TEXT NOT NULL,
        findings        TEXT NOT NULL,
        actions_tried   TEXT NOT NULL,
        parts_likely    TEXT NOT NULL,
        priority        TEXT NOT NULL,
        state           TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        created_by_id   TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        closed_at       TEXT,
        closed_by_id    TEXT,
        closed_by       TEXT,
        note            TEXT
      );
      -- At most one open work order per incident.
      CREATE UNIQUE INDEX dispatches_open_incident ON dispatches(incident_id) WHERE state = 'open';
      CREATE INDEX dispatches_state ON dispatches(state, seq);

      INSERT INTO meta(key, value) VALUES ('dispatch_seq', '0');
    `,
  },
  {
    version: 3,
    name: 'fleet status: asset counts from a covering index',
    // Fleet status counts assets by site, kind and health on every call; a
    // covering index answers that from the index alone (about 6 ms → 2 ms
    // for the demo's 4,700 assets). It also serves the old (site_id, kind) lookups.
    sql: `
      CREATE INDEX assets_site_kind_health ON assets(site_id, kind, health);
      DROP INDEX assets_site;
    `,
  },
  {
    version: 4,
    name: 'chat cards: one message per incident per chat target',
    // Independent of every other step (no foreign keys into later tables), so
    // it applies whether step 5 landed before it or not.
    sql: `
      CREATE TABLE chat_cards (
        incident_id  TEXT NOT NULL,
        target       TEXT NOT NULL, -- slack:C0123, teams:<conversation>
        message_ref  TEXT,          -- null until the claimer has posted
        claimed_by   TEXT NOT NULL,
        claimed_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (incident_id, target)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'wait history: one sample per site per minute',
    // Independent of every other step, so it applies whether or not step 4
    // has landed before it. WITHOUT ROWID: the key is the row, and the
    // minute index makes pruning the oldest rows a range delete.
    sql: `
      CREATE TABLE site_wait_history (
        site_id       TEXT NOT NULL REFERENCES sites(id),
        minute        INTEGER NOT NULL, -- minutes since the epoch, on the hub's clock
        wait_minutes  REAL NOT NULL,
        PRIMARY KEY (site_id, minute)
      ) WITHOUT ROWID;
      CREATE INDEX site_wait_history_minute ON site_wait_history(minute);
    `,
  },
  {
    version: 6,
    name: 'event outbox: hub events written with the change they announce',
    // Independent of every other step. The id is the rowid: the next is one
    // past the largest, and pruning always keeps the newest row, so an id is
    // never handed out twice and a client's Last-Event-ID stays meaningful
    // across restarts. (AUTOINCREMENT would promise the same at the cost of a
    // second row written with every event.)
    sql: `
      CREATE TABLE hub_events (
        id    INTEGER PRIMARY KEY,
        type  TEXT NOT NULL,
        at    TEXT NOT NULL,
        data  TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'coordination: leases, rate slots and device action keys in the store',
    // Independent of every other step. What each hub process kept in memory
    // (runs per site, disruptive actions per window, idempotency keys of
    // actions on servers that keep none), so several hubs over one database
    // agree, and a restart forgets nothing.
    sql: `
      CREATE TABLE leases (
        scope       TEXT NOT NULL,    -- site-runs:ruh, auto-remediate:INC-000042
        holder      TEXT NOT NULL,
        expires_at  INTEGER NOT NULL, -- ms since the epoch; a holder that died lets it lapse
        PRIMARY KEY (scope, holder)
      ) WITHOUT ROWID;
      CREATE INDEX leases_expiry ON leases(expires_at);

      CREATE TABLE rate_slots (
        id        INTEGER PRIMARY KEY,
        scope     TEXT NOT NULL,      -- site-disruptive:ruh
        taken_at  INTEGER NOT NULL
      );
      CREATE INDEX rate_slots_scope ON rate_slots(scope, taken_at);

      CREATE TABLE action_keys (
        asset_id    TEXT NOT NULL,    -- lower-cased
        key         TEXT NOT NULL,
        state       TEXT NOT NULL,    -- in-flight | done
        outcome     TEXT,             -- JSON, once done
        holder      TEXT NOT NULL,
        started_at  INTEGER NOT NULL, -- the remembered outcome's age counts from here
        expires_at  INTEGER NOT NULL, -- an in-flight claim nobody renews lapses here
        PRIMARY KEY (asset_id, key)
      );
    `,
  },
  {
    version: 8,
    name: 'incidents: who assigned, with what authority, and whom the assignment names',
    // Independent of every other step. An assignment hands resolving over only
    // when its maker could resolve the incident, and only to the token (or chat
    // user) it names, so both are kept with it; rows from before have neither,
    // and so hand nothing over.
    sql: `
      ALTER TABLE incidents ADD COLUMN assignee_id TEXT;
      ALTER TABLE incidents ADD COLUMN assigned_by_id TEXT;
      ALTER TABLE incidents ADD COLUMN assigned_by TEXT;
      ALTER TABLE incidents ADD COLUMN assigner_authority TEXT;
    `,
  },
  {
    version: 9,
    name: 'tokens: bot tokens, the only ones that act for chat users',
    // Independent of every other step. Tokens from before are nobody's bot:
    // a chat bot needs a token created with --bot.
    sql: `
      ALTER TABLE tokens ADD COLUMN bot INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 10,
    name: 'tokens: an optional expiry',
    // Independent of every other step. Tokens from before never expire.
    sql: `
      ALTER TABLE tokens ADD COLUMN expires_at TEXT;
    `,
  },
  {
    version: 11,
    name: 'chat cards: claims are leases, fenced by a generation',
    // Independent of every other step but 4. A claim from before without a
    // message keeps the 30 s it had then (from its claim), and names no token,
    // so its claimant may still renew or record it.
    sql: `
      ALTER TABLE chat_cards ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE chat_cards ADD COLUMN lease_expires_at TEXT;
      ALTER TABLE chat_cards ADD COLUMN first_claimed_at TEXT;
      ALTER TABLE chat_cards ADD COLUMN holder_token TEXT;
      UPDATE chat_cards SET first_claimed_at = claimed_at,
        lease_expires_at = CASE WHEN message_ref IS NULL
          THEN strftime('%Y-%m-%dT%H:%M:%fZ', claimed_at, '+30 seconds') END;
    `,
  },
  {
    version: 12,
    name: 'sites: the city in Arabic',
    // Independent of every other step. Sites from before have none until the
    // fleet is seeded again; replies then show the city as it was.
    sql: `
      ALTER TABLE sites ADD COLUMN city_ar TEXT;
    `,
  },
  {
    version: 13,
    name: 'playbooks: every version a hub has loaded',
    // Independent of every other step. One row per distinct definition of a
    // playbook (id and hash); seq orders them by when they were first seen.
    sql: `
      CREATE TABLE playbook_versions (
        seq            INTEGER PRIMARY KEY,
        playbook_id    TEXT NOT NULL,
        version        INTEGER NOT NULL,
        hash           TEXT NOT NULL,   -- sha256 of the definition's canonical JSON
        source         TEXT NOT NULL,   -- built-in, or the operator's file
        first_seen_at  TEXT NOT NULL,
        definition     TEXT NOT NULL,   -- JSON
        UNIQUE (playbook_id, hash)
      );
    `,
  },
  PLAYBOOK_RUNS_MIGRATION,
  DRILLS_MIGRATION,
  PLAYBOOK_AUTO_MIGRATION,
  INVENTORY_MIGRATION,
  SILENCES_MIGRATION,
  INCIDENT_GROUPS_MIGRATION,
  FLOW_HISTORY_MIGRATION,
  ASSET_HEALTH_HISTORY_MIGRATION,
  SURVEY_ANSWERS_MIGRATION,
  HANDOVERS_MIGRATION,
  ALERT_JOURNAL_MIGRATION,
  CONTACT_CENTRE_MIGRATION,
  CHILD_COUNT_MIGRATION,
  JOURNAL_SEQ_MIGRATION,
  JOURNAL_APPLIED_MIGRATION,
  CHILD_INSERT_MIGRATION,
  FLOW_REVISIONS_MIGRATION,
  INCIDENT_INDEXES_MIGRATION,
];
