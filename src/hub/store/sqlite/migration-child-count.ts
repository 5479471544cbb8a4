// Migration 27, in a file of its own like 14 to 26: a parent's child count,
// stored on it. Migration 20 derived it on every read, a COUNT(*) over the
// parent's children — and in a storm the intake reads the cause's parent for
// every alert it groups under it, so each alert cost as much as the parent had
// children. SQLite's own triggers keep the count on every write that gives,
// moves or takes away a child, so it cannot drift from the rows, whichever
// code (or a second hub over the same file) wrote them. Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const CHILD_COUNT_MIGRATION: { version: number; name: string; sql: string } = {
  version: 27,
  name: 'incidents: the child count kept on the parent',
  // After migration 20 (parent_id). Counted once from the rows, then kept by the triggers.
  sql: `
    ALTER TABLE incidents ADD COLUMN child_count INTEGER NOT NULL DEFAULT 0;
    UPDATE incidents SET child_count = (SELECT COUNT(*) FROM incidents c WHERE c.parent_id = incidents.id)
      WHERE id IN (SELECT parent_id FROM incidents WHERE parent_id IS NOT NULL);
    CREATE TRIGGER incidents_child_added AFTER INSERT ON incidents WHEN NEW.parent_id IS NOT NULL
    BEGIN
      UPDATE incidents SET child_count = child_count + 1 WHERE id = NEW.parent_id;
    END;
    CREATE TRIGGER incidents_child_moved AFTER UPDATE OF parent_id ON incidents WHEN OLD.parent_id IS NOT NEW.parent_id
    BEGIN
      UPDATE incidents SET child_count = child_count - 1 WHERE id = OLD.parent_id;
      UPDATE incidents SET child_count = child_count + 1 WHERE id = NEW.parent_id;
    END;
    CREATE TRIGGER incidents_child_removed AFTER DELETE ON incidents WHEN OLD.parent_id IS NOT NULL
    BEGIN
      UPDATE incidents SET child_count = child_count - 1 WHERE id = OLD.parent_id;
    END;
  `,
};
