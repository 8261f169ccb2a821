/**
 * The `#` lines before a CSV log's header: profile facts (`# age: 34`), and how to read the
 * file (`# columns: Flow=bleeding`, `# date_format: dmy`), kept with the file so that it reads
 * the same way every time.
 */
import type { Profile } from '../core/log.ts';
import { InputError } from '../errors.ts';
import type { Warning } from './import-contract.ts';
import { parseColumnMappingList, type ColumnMapping } from './column-names.ts';
import { normalizeColumnName } from './day-values.ts';
import {
  applyProfileText,
  isProfileKey,
  LIST_PROFILE_KEYS,
  PROFILE_KEYS,
  type ProfileKey,
} from './profile.ts';
import { DATE_ORDERS, isDateOrder, type ReadOptions } from './read-options.ts';

export const HEADER_EXAMPLE = 'date,bleeding,sex,notes';

/** Keys of the lines that say how to read the file, not facts about the person. */
const READING_KEYS = ['columns', 'date_format'] as const;
type ReadingKey = (typeof READING_KEYS)[number];

type CommentLine =
  | { kind: 'profile'; key: ProfileKey; value: string }
  | { kind: 'reading'; key: ReadingKey; value: string }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'comment' };

/** `# key: value` is a profile line when key is a profile key (any case, spaces allowed). */
export function readCommentLine(text: string): CommentLine {
  const m = /^#\s*([^:]*?)\s*:(.*)$/s.exec(text.trim());
  if (!m) return { kind: 'comment' };
  const key = normalizeColumnName(m[1]!);
  if (isProfileKey(key)) return { kind: 'profile', key, value: m[2]!.trim() };
  if ((READING_KEYS as readonly string[]).includes(key)) {
    return { kind: 'reading', key: key as ReadingKey, value: m[2]!.trim() };
  }
  // Only snake_case words look like an attempted key; "# Note: …" is just a comment.
  return /^[a-z][a-z0-9_]*$/.test(m[1]!)
    ? { kind: 'unknown-key', key: m[1]! }
    : { kind: 'comment' };
}

export interface LeadingLines {
  profile: Profile;
  /** What the file's own `# columns:` and `# date_format:` lines say. */
  reading: { columns: ColumnMapping[]; dateFormat?: ReadOptions['dateFormat'] };
  /** The header's line number, and where it starts in the body. */
  headerLine: number;
  offset: number;
}

/** Reads the blank and `#` lines before the header. */
export function readLeadingLines(body: string, file: string, warnings: Warning[]): LeadingLines {
  const found: LeadingLines = { profile: {}, reading: { columns: [] }, headerLine: 1, offset: 0 };
  const seen = new Map<string, number>();
  let offset = 0;
  let line = 1;
  for (;;) {
    if (offset >= body.length) {
      throw new InputError(
        file,
        { line: Math.max(1, line - 1) },
        `no header line: after the # lines there must be a line naming the columns, such as ${HEADER_EXAMPLE}`,
      );
    }
    const newline = body.indexOf('\n', offset);
    const end = newline === -1 ? body.length : newline;
    const content = body.slice(offset, end).trim();
    if (content !== '' && !content.startsWith('#')) break;
    if (content !== '') readLeadingLine(content, { file, line }, found, seen, warnings);
    offset = end + 1;
    line++;
  }
  return { ...found, headerLine: line, offset };
}

function readLeadingLine(
  content: string,
  site: { file: string; line: number },
  found: LeadingLines,
  seen: Map<string, number>,
  warnings: Warning[],
): void {
  const parsed = readCommentLine(content);
  if (parsed.kind === 'unknown-key') {
    warnings.push({
      ...site,
      message: `"${parsed.key}" is not a profile key, so this line is read as a comment (profile keys: ${PROFILE_KEYS.join(', ')})`,
    });
    return;
  }
  if (parsed.kind === 'comment' || parsed.value === '') return;
  const first = seen.get(parsed.key);
  const repeatable = parsed.kind === 'reading' || LIST_PROFILE_KEYS.has(parsed.key);
  if (first !== undefined && !repeatable) {
    throw new InputError(
      site.file,
      { line: site.line },
      `${parsed.key} is given twice (first on line ${first})`,
    );
  }
  if (first === undefined) seen.set(parsed.key, site.line);
  if (parsed.kind === 'profile') applyProfileText(found.profile, parsed.key, parsed.value, site);
  else readReadingLine(parsed.key, parsed.value, site, found.reading);
}

function readReadingLine(
  key: ReadingKey,
  value: string,
  site: { file: string; line: number },
  reading: LeadingLines['reading'],
): void {
  if (key === 'date_format') {
    const order = value.toLowerCase();
    if (!isDateOrder(order)) {
      throw new InputError(
        site.file,
        { line: site.line },
        `date_format: ${JSON.stringify(value)} is not one of ${DATE_ORDERS.join(', ')}`,
      );
    }
    reading.dateFormat = order;
    return;
  }
  try {
    reading.columns.push(...parseColumnMappingList(value));
  } catch (error) {
    throw new InputError(site.file, { line: site.line }, `columns: ${(error as Error).message}`);
  }
}

/** Profile lines after the header are ignored: say so, one warning each. */
export function warnLateProfileLines(
  comments: readonly { line: number; text: string }[],
  file: string,
  warnings: Warning[],
): void {
  for (const comment of comments) {
    const parsed = readCommentLine(comment.text);
    if (parsed.kind === 'profile' || parsed.kind === 'reading') {
      warnings.push({
        file,
        line: comment.line,
        message: `profile line "# ${parsed.key}: …" after the header is ignored; move it above the header`,
      });
    }
  }
}
