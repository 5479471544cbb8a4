// The flat parts of an inventory as CSV, for those who keep them in a
// spreadsheet: one file is one table, told apart by its header — sites
// (id,name_en,name_ar,kind,region,city,city_ar,lat,lon,neighbour,
// annual_passengers,staff,source) or assets (id,site,kind,name,
// management_url,depends_on, the last as ids separated by spaces). The
// alert-label mapping is not flat (rules of label, pattern and template) and
// has no CSV form: it is written in YAML or JSON. Rows become the same data a
// YAML file gives, with each field's line, so the schema's errors read alike.
import type { FieldPath, SyntaxProblem, YamlSource } from '../playbooks/yaml-source.js';

type Cell = (text: string) => unknown;
const text: Cell = (t) => t;
// Not a number stays text, so the schema says what it expected.
const number: Cell = (t) => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : t);
const ids: Cell = (t) => t.split(/[\s;]+/).filter(Boolean);

/** Each table's columns: the field each fills (a path inside one entry) and how its text is read. */
const TABLES = {
  sites: {
    id: [['id'], text], name_en: [['name', 'en'], text], name_ar: [['name', 'ar'], text], kind: [['kind'], text],
    region: [['region'], text], city: [['city'], text], city_ar: [['cityAr'], text], lat: [['lat'], number], lon: [['lon'], number],
    neighbour: [['neighbour'], text], annual_passengers: [['annualPassengers'], number], staff: [['staff'], number], source: [['source'], text],
  },
  assets: {
    id: [['id'], text], site: [['site'], text], kind: [['kind'], text], name: [['name'], text],
    management_url: [['managementUrl'], text], depends_on: [['dependsOn'], ids],
  },
} as const satisfies Record<string, Record<string, readonly [readonly string[], Cell]>>;

interface Row {
  line: number;
  cells: string[];
}

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; each row keeps the line it starts on. */
function records(source: string): { rows: Row[]; problem?: SyntaxProblem } {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let touched = false;
  const endRow = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') (quoted = true), (touched = true);
    else if (c === ',') cells.push(cell), (cell = ''), (touched = true);
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else cell += c;
  }
  if (quoted) return { rows, problem: { line: rowLine, message: 'a quoted cell is not closed' } };
  endRow();
  return { rows };
}

export function parseCsvSource(source: string): YamlSource {
  const { rows, problem } = records(source.replace(/^\uFEFF/, ''));
  const lineOfRow = new Map<number, number>();
  const lineOf = (path: FieldPath) => (typeof path[1] === 'number' ? (lineOfRow.get(path[1]) ?? 1) : 1);
  if (problem) return { value: undefined, problems: [problem], lineOf };
  const header = rows[0]?.cells.map((h) => h.trim().toLowerCase()) ?? [];
  const section = header.includes('name_en') ? 'sites' : header.includes('name') ? 'assets' : undefined;
  if (!section) {
    return { value: undefined, problems: [{ line: 1, message: 'the header names neither a sites table (id,name_en,name_ar,…) nor an assets table (id,site,kind,name,…)' }], lineOf };
  }
  const columns: Record<string, readonly [readonly string[], Cell]> = TABLES[section];
  const unknown = header.filter((h) => !(h in columns));
  if (unknown.length) {
    return { value: undefined, problems: [{ line: 1, message: `unknown column ${unknown.join(', ')}; a ${section} table has ${Object.keys(columns).join(',')}` }], lineOf };
  }
  const entries = rows.slice(1).map((row, i) => {
    lineOfRow.set(i, row.line);
    const entry: Record<string, unknown> = {};
    header.forEach((name, c) => {
      const value = row.cells[c]?.trim() ?? '';
      // An empty cell is a field left out.
      if (value === '') return;
      const [path, read] = columns[name]!;
      let into = entry;
      for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Record<string, unknown>;
      into[path.at(-1)!] = read(value);
    });
    return entry;
  });
  return { value: { [section]: entries }, problems: [], lineOf };
}
