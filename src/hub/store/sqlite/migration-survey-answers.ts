// Migration 23, in a file of its own: travellers' satisfaction survey
// answers, for the satisfaction KPI. Like every step, never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const SURVEY_ANSWERS_MIGRATION: { version: number; name: string; sql: string } = {
  version: 23,
  name: 'surveys: satisfaction answers per site',
  // Independent of every other step. No foreign key to sites: an answer
  // outlives an inventory change, as a KPI over last month should.
  sql: `
    CREATE TABLE survey_answers (
      seq          INTEGER PRIMARY KEY,
      site_id      TEXT NOT NULL COLLATE NOCASE,
      score        INTEGER NOT NULL,
      channel      TEXT NOT NULL,
      at           TEXT NOT NULL,
      received_at  TEXT NOT NULL
    );
    CREATE INDEX survey_answers_at ON survey_answers(at);
  `,
};
