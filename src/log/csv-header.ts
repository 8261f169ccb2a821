/**
 * A CSV log's header line → what each column is read as. Canonical names, synonyms and the
 * person's own mappings are read; every synonym used and every column ignored is a warning, and
 * a header with no date, or nothing about bleeding, is refused (no false all-clear).
 */
import { InputError } from '../errors.ts';
import type { Warning } from './import-contract.ts';
import { describeMissingBleeding } from './bleeding-evidence.ts';
import {
  describeSynonym,
  isBasalTemperatureName,
  matchColumnName,
  suggestColumnName,
  type ColumnMapping,
  type ColumnTarget,
} from './column-names.ts';
import { HEADER_EXAMPLE } from './csv-profile-lines.ts';
import { quoteInput } from './day-values.ts';

/** Unknown columns named one by one in warnings; the rest are counted in one more. */
const MAX_NAMED_UNKNOWN_COLUMNS = 20;

interface HeaderSite {
  file: string;
  line: number;
}

interface Ignored {
  names: string[];
  /** The first ignored name that is a near miss of a bleeding name ("bleding"). */
  likelyBleeding?: string;
}

export function readHeader(
  header: readonly string[],
  site: HeaderSite,
  mappings: readonly ColumnMapping[],
  warnings: Warning[],
): (ColumnTarget | undefined)[] {
  const columns: (ColumnTarget | undefined)[] = [];
  const firstAt = new Map<ColumnTarget, number>();
  const ignored: Ignored = { names: [] };
  header.forEach((name, index) => {
    const match = matchColumnName(name, mappings);
    columns.push(match?.target);
    if (match === undefined) {
      warnIgnoredColumn(name, index, site, ignored, warnings);
      return;
    }
    const previous = firstAt.get(match.target);
    if (previous !== undefined) {
      throw new InputError(
        site.file,
        { line: site.line, column: index + 1 },
        `column ${quoteInput(name.trim())} repeats column ${previous + 1} (${quoteInput(header[previous]!.trim())}); each column may appear once`,
      );
    }
    firstAt.set(match.target, index);
    if (match.how === 'synonym') {
      warnings.push({ ...site, message: describeSynonym(name.trim(), match.target) });
    }
  });
  const unknown = ignored.names.length;
  if (unknown > MAX_NAMED_UNKNOWN_COLUMNS) {
    const more = unknown - MAX_NAMED_UNKNOWN_COLUMNS;
    warnings.push({
      ...site,
      message: `${more} more unknown column${more === 1 ? '' : 's'} ${more === 1 ? 'is' : 'are'} ignored`,
    });
  }
  refuseWithoutDate(header, firstAt, site);
  if (!firstAt.has('bleeding') && !firstAt.has('spotting')) {
    const known = header.filter((_, i) => columns[i] !== undefined).map((n) => n.trim());
    throw new InputError(
      site.file,
      { line: site.line },
      describeMissingBleeding('column', ignored.names, ignored.likelyBleeding, known),
    );
  }
  return columns;
}

function warnIgnoredColumn(
  name: string,
  index: number,
  site: HeaderSite,
  ignored: Ignored,
  warnings: Warning[],
): void {
  const trimmed = name.trim();
  if (trimmed !== '') ignored.names.push(trimmed);
  // A sheet with thousands of extra columns gets a few named and a count, not a flood.
  if (ignored.names.length > MAX_NAMED_UNKNOWN_COLUMNS) return;
  if (trimmed === '') {
    warnings.push({ ...site, message: `column ${index + 1} has no name; its values are ignored` });
    return;
  }
  if (isBasalTemperatureName(trimmed)) {
    warnings.push({
      ...site,
      message: `column ${quoteInput(trimmed)} (column ${index + 1}) is basal body temperature, which is ignored: a basal reading is never a fever reading`,
    });
    return;
  }
  const suggestion = suggestColumnName(trimmed);
  if (suggestion === 'bleeding' || suggestion === 'spotting') ignored.likelyBleeding ??= trimmed;
  const hint = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
  warnings.push({
    ...site,
    message: `unknown column ${quoteInput(trimmed)} (column ${index + 1}) is ignored${hint}`,
  });
}

function refuseWithoutDate(
  header: readonly string[],
  firstAt: ReadonlyMap<ColumnTarget, number>,
  site: HeaderSite,
): void {
  if (firstAt.has('date')) return;
  const looksLikeData = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(header[0]?.trim() ?? '');
  throw new InputError(
    site.file,
    { line: site.line, column: 1 },
    looksLikeData
      ? `the first line is data, not a header; add a header line naming the columns, such as ${HEADER_EXAMPLE}`
      : `the header has no "date" column; name the columns in the first line, such as ${HEADER_EXAMPLE}`,
  );
}
