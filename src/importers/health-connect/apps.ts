/**
 * Which apps wrote the cycle records, named in the import report (several apps merge into one
 * log, so the person should see whose data it is), and the one time-zone trap that can be seen
 * in the file: an app that stores date-only days at 00:00 UTC gives local dates one day early
 * west of Greenwich.
 */
import { shortName } from '../common/tally.ts';
import type { ImportCount, Warning } from '../../log/import-contract.ts';
import { integerOf, type CycleRow, type FoundTable } from './cycle-tables.ts';
import type { SqliteFile } from './sqlite-file.ts';
import { pickColumns } from './sqlite-schema.ts';

const DAY_MS = 86_400_000;
/** More distinct writing apps than any phone has; the rest are counted, not named. */
const MAX_APPS = 50;

interface AppCount {
  records: number;
  /** Records stored at exactly 00:00 UTC with a negative zone offset. */
  utcMidnightWest: number;
}

export class AppTally {
  private readonly counts = new Map<number, AppCount>();

  see(row: CycleRow): void {
    const id = row.app ?? -1;
    let count = this.counts.get(id);
    if (!count) {
      count = { records: 0, utcMidnightWest: 0 };
      this.counts.set(id, count);
    }
    count.records++;
    if (row.time !== undefined && row.time % DAY_MS === 0 && (row.offset ?? 0) < 0) {
      count.utcMidnightWest++;
    }
  }

  /** Names the apps (from application_info_table) and says what the report should. */
  finish(
    db: SqliteFile,
    table: FoundTable | undefined,
    file: string,
  ): { warnings: Warning[]; summary: ImportCount[] } {
    const names = table ? readAppNames(db, table, new Set(this.counts.keys())) : new Map();
    const nameOf = (id: number): string => names.get(id) ?? `app #${id < 0 ? '?' : id}`;
    const ordered = [...this.counts].sort((a, b) => b[1].records - a[1].records);
    const summary = ordered.slice(0, MAX_APPS).map(([id, count]) => ({
      what: `records written by ${nameOf(id)}`,
      mapped: count.records,
      dropped: 0,
      note: 'writing app',
    }));
    const warnings: Warning[] = [];
    if (ordered.length > 1) {
      const listed = ordered
        .slice(0, MAX_APPS)
        .map(([id, count]) => `${nameOf(id)} (${count.records})`)
        .join(', ');
      warnings.push({
        file,
        message: `cycle records from ${ordered.length} apps were merged day by day (highest amount, yes wins): ${listed}`,
      });
    }
    for (const [id, count] of ordered) {
      if (count.records >= 3 && count.utcMidnightWest === count.records) {
        warnings.push({
          file,
          message: `all ${count.records} records from ${nameOf(id)} are stored at 00:00 UTC with a time zone west of Greenwich: that app may store whole days as UTC midnight, so its dates could be one day early; they are kept as Health Connect stored them`,
        });
      }
    }
    return { warnings, summary };
  }
}

function readAppNames(db: SqliteFile, table: FoundTable, wanted: Set<number>): Map<number, string> {
  const names = new Map<number, string>();
  const columns = ['row_id', 'package_name', 'app_name'];
  for (const { rowid, values } of db.rows(table.rootPage)) {
    const row = pickColumns(table.layout, columns, rowid, values);
    const id = integerOf(row.row_id) ?? Number(rowid);
    if (!wanted.has(id)) continue;
    const app = typeof row.app_name === 'string' ? shortName(row.app_name) : '';
    const pkg = typeof row.package_name === 'string' ? shortName(row.package_name) : '';
    names.set(id, app && pkg ? `${app} (${pkg})` : app || pkg || `app #${id}`);
  }
  return names;
}
