/**
 * The schema of a SQLite file (its `sqlite_schema` table) and the column layout of a rowid table,
 * read from the CREATE TABLE text without executing it: the text is only split into column
 * definitions to learn each column's name and whether the record stores it. Columns are then
 * selected by name, never by position (Health Connect adds columns with ALTER TABLE, so their
 * order differs between devices).
 */
import { SqliteFormatError, type SqliteFile, type SqlValue } from './sqlite-file.ts';

export interface SchemaEntry {
  type: string;
  name: string;
  tableName: string;
  rootPage: number;
  sql: string;
}

/** Longer CREATE statements than any real table; a crafted one is refused, not scanned. */
const MAX_SQL = 200_000;
/** SQLite's own default limit on columns. */
const MAX_COLUMNS = 2000;

export function readSchema(db: SqliteFile): SchemaEntry[] {
  const entries: SchemaEntry[] = [];
  for (const { values } of db.rows(1)) {
    const [type, name, tableName, rootPage, sql] = values;
    entries.push({
      type: typeof type === 'string' ? type : '',
      name: typeof name === 'string' ? name : '',
      tableName: typeof tableName === 'string' ? tableName : '',
      rootPage: typeof rootPage === 'number' ? rootPage : 0,
      sql: typeof sql === 'string' ? sql : '',
    });
  }
  return entries;
}

export interface TableLayout {
  /** Lower-case column name → index in the stored record, or 'rowid' for an INTEGER PRIMARY KEY. */
  columns: Map<string, number | 'rowid'>;
}

type Token = { kind: 'word' | 'name' | 'string' | 'punct'; text: string };

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const closing: Record<string, string> = { '"': '"', '`': '`', '[': ']', "'": "'" };
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (closing[ch] !== undefined) {
      const close = closing[ch];
      let j = i + 1;
      let text = '';
      for (; j < sql.length; j++) {
        if (sql[j] === close) {
          if (close !== ']' && sql[j + 1] === close) {
            text += close;
            j++;
          } else break;
        } else text += sql[j];
      }
      tokens.push({ kind: ch === "'" ? 'string' : 'name', text });
      i = j + 1;
    } else if (/[A-Za-z0-9_$\u0080-\uFFFF]/.test(ch)) {
      let j = i;
      while (j < sql.length && /[A-Za-z0-9_$.\u0080-\uFFFF]/.test(sql[j]!)) j++;
      tokens.push({ kind: 'word', text: sql.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    }
  }
  return tokens;
}

const TABLE_CONSTRAINTS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);
const COLUMN_CONSTRAINTS = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'NOT',
  'NULL',
  'UNIQUE',
  'CHECK',
  'DEFAULT',
  'COLLATE',
  'REFERENCES',
  'GENERATED',
  'AS',
]);

/** The column definitions of a CREATE TABLE statement, each as its tokens. */
function splitDefinitions(tokens: Token[]): Token[][] {
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.text === '(');
  if (open === -1) throw new SqliteFormatError('a table definition has no column list');
  const defs: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') {
      if (depth === 0) return defs.filter((d) => d.length > 0);
      depth--;
    }
    if (t.kind === 'punct' && t.text === ',' && depth === 0) defs.push([]);
    else defs.at(-1)!.push(t);
  }
  throw new SqliteFormatError('a table definition is not closed');
}

const upper = (t: Token | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');

/** Where each column of a rowid table sits in its records. */
export function readTableLayout(sql: string): TableLayout {
  if (sql.length > MAX_SQL) throw new SqliteFormatError('a table definition is far too long');
  const tokens = tokenize(sql);
  if (tokens.some((t) => upper(t) === 'WITHOUT')) {
    throw new SqliteFormatError(
      'a cycle table is WITHOUT ROWID, which Health Connect never writes',
    );
  }
  const defs = splitDefinitions(tokens);
  if (defs.length > MAX_COLUMNS) throw new SqliteFormatError('a table has too many columns');
  const columns = new Map<string, number | 'rowid'>();
  const types = new Map<string, string>();
  let tablePrimaryKey: string[] = [];
  let stored = 0;
  for (const def of defs) {
    const head = def[0]!;
    if (head.kind === 'word' && TABLE_CONSTRAINTS.has(upper(head))) {
      if (upper(head) === 'PRIMARY') {
        tablePrimaryKey = def
          .filter((t) => t.kind !== 'punct')
          .slice(2)
          .map((t) => t.text);
      }
      continue;
    }
    const name = head.text.toLowerCase();
    const words = def.slice(1);
    const typeEnd = words.findIndex((t) => t.kind !== 'word' || COLUMN_CONSTRAINTS.has(upper(t)));
    const type = (typeEnd === -1 ? words : words.slice(0, typeEnd)).map(upper).join(' ');
    const upperWords = words.map(upper);
    const generated = upperWords.includes('AS');
    const virtual = generated && !upperWords.includes('STORED');
    types.set(name, type);
    if (columns.has(name)) throw new SqliteFormatError(`a table names column ${name} twice`);
    if (type === 'INTEGER' && upperWords.includes('PRIMARY') && !upperWords.includes('DESC')) {
      columns.set(name, 'rowid');
      stored++;
    } else if (virtual) columns.set(name, -1);
    else columns.set(name, stored++);
  }
  const only = tablePrimaryKey.length === 1 ? tablePrimaryKey[0]!.toLowerCase() : undefined;
  if (only !== undefined && types.get(only) === 'INTEGER') columns.set(only, 'rowid');
  return { columns };
}

/** One row's values by lower-case column name; a column older rows lack reads as null. */
export function pickColumns(
  layout: TableLayout,
  names: readonly string[],
  rowid: bigint,
  values: SqlValue[],
): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = {};
  for (const name of names) {
    const at = layout.columns.get(name);
    if (at === 'rowid') row[name] = Number(rowid);
    else row[name] = at === undefined || at < 0 ? null : (values[at] ?? null);
  }
  return row;
}
