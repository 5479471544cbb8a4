// What changed between two fetches of a list view, record by record, in the
// order a reader expects: what was added or changed as the new list has it,
// then what left the list (resolved, or no longer matching).
export type ChangeKind = 'added' | 'changed' | 'removed';

export interface RecordChange<Rec> {
  change: ChangeKind;
  record: Rec;
}

export function changesBetween<Rec>(before: readonly Rec[], after: readonly Rec[], key: (record: Rec) => string): RecordChange<Rec>[] {
  const old = new Map(before.map((r) => [key(r), JSON.stringify(r)]));
  const changes: RecordChange<Rec>[] = [];
  const present = new Set<string>();
  for (const record of after) {
    const id = key(record);
    present.add(id);
    const was = old.get(id);
    if (was === undefined) changes.push({ change: 'added', record });
    else if (was !== JSON.stringify(record)) changes.push({ change: 'changed', record });
  }
  for (const record of before) if (!present.has(key(record))) changes.push({ change: 'removed', record });
  return changes;
}
