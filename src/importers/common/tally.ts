/**
 * Counts what an importer mapped and dropped, per source field or category, for the import
 * summary; unknown categories and values are counted apart so they are named loudly, never
 * dropped in silence.
 */
import { sanitizeInline } from '../../text/sanitize.ts';
import type { ImportCount, Warning } from '../../log/import-contract.ts';

/** `note` of a summary row for a category or value the importer does not know. */
export const UNKNOWN_NOTE = 'unknown';

/**
 * Distinct unknown names listed one by one; the rest are counted per kind. A crafted or very
 * wide file (100,000 unknown columns) must not turn into 100,000 warnings and a megabyte line.
 */
export const MAX_NAMED_UNKNOWNS = 20;

interface UnknownEntry {
  kind: string;
  name: string;
  count: number;
  firstLine: number | undefined;
}

export class ImportTally {
  private readonly rows = new Map<string, ImportCount>();
  private readonly unknowns = new Map<string, UnknownEntry>();
  /** Per kind, the distinct names past MAX_NAMED_UNKNOWNS and how often they occurred. */
  private readonly moreUnknowns = new Map<
    string,
    { names: Set<string>; count: number; firstLine: number | undefined }
  >();

  private row(what: string, note: string | undefined): ImportCount {
    let row = this.rows.get(what);
    if (!row) {
      row = { what, mapped: 0, dropped: 0 };
      if (note !== undefined) row.note = note;
      this.rows.set(what, row);
    }
    return row;
  }

  /** One value of `what` went into the log (`to` names the canonical field, if not obvious). */
  mapped(what: string, to?: string): void {
    this.row(what, to).mapped++;
  }

  /** One value of `what` was read and deliberately left out (`why` says why). */
  dropped(what: string, why?: string): void {
    this.row(what, why).dropped++;
  }

  /**
   * One occurrence of something the importer does not know, e.g. kind "Clue type", name
   * "new_thing"; each distinct one becomes a warning with its count.
   */
  unknown(kind: string, name: string, line?: number): void {
    const shown = shortName(name);
    const key = `${kind}\u0000${shown}`;
    const entry = this.unknowns.get(key);
    if (entry) entry.count++;
    else if (this.unknowns.size < MAX_NAMED_UNKNOWNS) {
      this.unknowns.set(key, { kind, name: shown, count: 1, firstLine: line });
    } else {
      const more = this.moreUnknowns.get(kind) ?? { names: new Set(), count: 0, firstLine: line };
      more.names.add(shown);
      more.count++;
      this.moreUnknowns.set(kind, more);
    }
  }

  summary(): ImportCount[] {
    const rows = [...this.rows.values()];
    for (const { name, count } of this.unknowns.values()) {
      rows.push({ what: name, mapped: 0, dropped: count, note: UNKNOWN_NOTE });
    }
    for (const [kind, { names, count }] of this.moreUnknowns) {
      rows.push({
        what: `${names.size} more ${kind} names`,
        mapped: 0,
        dropped: count,
        note: UNKNOWN_NOTE,
      });
    }
    return rows;
  }

  /** One warning per unknown category or value, with its count (and first line, for CSV). */
  warnings(file: string): Warning[] {
    const named = [...this.unknowns.values()].map(({ kind, name, count, firstLine }) => {
      const warning: Warning = {
        file,
        message: `not used: ${kind} '${name}' ×${count} (unknown to cyclecheck)`,
      };
      if (firstLine !== undefined) warning.line = firstLine;
      return warning;
    });
    const more = [...this.moreUnknowns].map(([kind, { names, count, firstLine }]) => {
      const warning: Warning = {
        file,
        message: `not used: ${names.size} more ${kind} names, ×${count} in all (unknown to cyclecheck)`,
      };
      if (firstLine !== undefined) warning.line = firstLine;
      return warning;
    });
    return [...named, ...more];
  }
}

/** Names from the file, made safe to show and kept short (a crafted file may hold anything). */
export function shortName(name: string): string {
  const safe = sanitizeInline(name);
  return safe.length > 60 ? safe.slice(0, 57) + '…' : safe;
}
