/**
 * Format detection from content: magic bytes, then the first keys of a JSON document or the
 * header of a CSV file, all read from the first bytes of the file (InputFile.head) so that a
 * multi-gigabyte export is never read just to be recognised. The file name only breaks ties.
 */
import { decodeHeadText } from '../log/decode-text.ts';
import { DAY_FIELDS } from '../core/log.ts';
import type { InputFile } from '../io/input-file.ts';
import { isZipHead, looksLikeAppleHealth } from './apple-health/detect.ts';
import { isGzip, peekGunzip } from './common/gzip.ts';
import type { FormatId } from '../log/import-contract.ts';
import {
  isSqliteHead,
  sniffPdf,
  sniffSqlite,
  sniffUnsupportedText,
  sniffZipNames,
  zipNamesFromHead,
  type Recognised,
} from './detect-exports.ts';
import { readZipNamesSync } from './common/zip.ts';

export interface Sniffed {
  format: FormatId | undefined;
  /** Why nothing matched, for the error message. */
  reason?: string;
  /** The line the reason is about, when it is about one (not for zip, gzip or empty files). */
  line?: number;
  /** What to do, when that is more useful than the list of supported formats. */
  hint?: string;
  /** A file cyclecheck knows but cannot read (Garmin, Samsung…): what it is. */
  unsupported?: string;
}

const SAVE_AS_UTF8 = 'Save or export the file as UTF-8 text (CSV or JSON).';

function lineOfOffset(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** The first columns of Fitbit's four Menstrual Health CSV files. */
const FITBIT_HEADERS = [
  'id,cycle_start_date,cycle_end_date',
  'timestamp,fluids,flow,conditions',
  'birth_control_type,event_date,has_started',
  'pregnancy_history,birth_control_history',
];

/** drip's column groups: `date,temperature.value,…,bleeding.value,…`. */
const DRIP_COLUMN = /^(temperature|bleeding|mucus|cervix|note|desire|sex|pain|mood)\.[a-z]/i;

export function detectFormat(input: InputFile): FormatId | undefined {
  return sniffFormat(input.head, input.name, input.path).format;
}

/** `path`, when given, lets a zip be recognised by its whole entry list, not just its head. */
export function sniffFormat(head: Buffer, name = '', path?: string): Sniffed {
  const sniffed = sniffContent(head, name, path);
  return sniffed.format === undefined && sniffed.unsupported === undefined
    ? explainUnrecognised(head, name, sniffed)
    : sniffed;
}

function fromRecognised(recognised: Recognised): Sniffed {
  const sniffed: Sniffed = { format: recognised.format };
  if (recognised.reason !== undefined) sniffed.reason = recognised.reason;
  if (recognised.hint !== undefined) sniffed.hint = recognised.hint;
  if (recognised.unsupported !== undefined) sniffed.unsupported = recognised.unsupported;
  return sniffed;
}

function sniffContent(head: Buffer, name: string, path?: string): Sniffed {
  if (head.length === 0) return { format: undefined, reason: 'the file is empty' };
  if (isSqliteHead(head)) return fromRecognised(sniffSqlite(head));
  const pdf = sniffPdf(head);
  if (pdf) return fromRecognised(pdf);
  if (isGzip(head)) {
    const inner = peekGunzip(head);
    if (inner && sniffJson(decodeHead(inner), name).format === 'periodical') {
      return { format: 'periodical' };
    }
    return { format: undefined, reason: 'a gzip file that is not a Periodical backup' };
  }
  if (isZipHead(head)) {
    if (looksLikeAppleHealth(head) === 'zip') return { format: 'apple-health' };
    const names =
      (path === undefined ? undefined : readZipNamesSync(path)) ?? zipNamesFromHead(head);
    return fromRecognised(sniffZipNames(names, head));
  }

  const text = decodeHead(head);
  const leading = /^\s*/.exec(text)![0];
  const firstLine = leading.split('\n').length;
  const first = text[leading.length];
  if (first === '<') {
    if (looksLikeAppleHealth(head) === 'xml') return { format: 'apple-health' };
    const html = /^<(?:!doctype\s+html|html)\b/i.test(
      text.slice(leading.length, leading.length + 20),
    );
    return {
      format: undefined,
      reason: html
        ? 'an HTML page, not an Apple Health export'
        : 'an XML file that is not an Apple Health export',
      line: firstLine,
    };
  }
  if (first === '{' || first === '[') {
    const keys = peekJsonShape(text)?.keys ?? [];
    const known = sniffUnsupportedText('', text, keys);
    if (known) return fromRecognised(known);
    const sniffed = sniffJson(text, name);
    return sniffed.format === undefined ? { ...sniffed, line: firstLine } : sniffed;
  }
  return sniffCsv(text);
}

const isUtf16Head = (head: Buffer): boolean =>
  (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);

/**
 * Content that is not UTF-8 text gets a reason that says what it is, rather than its first
 * "line" quoted back as gibberish. A UTF-16 file of a known format is handed to that format's
 * reader, which refuses it with the line and how to re-save it.
 */
function explainUnrecognised(head: Buffer, name: string, sniffed: Sniffed): Sniffed {
  if (isUtf16Head(head)) {
    const units = Buffer.from(head.subarray(2, 2 + ((head.length - 2) & ~1)));
    if (head[0] === 0xfe) units.swap16();
    const inner = sniffContent(Buffer.from(units.toString('utf16le'), 'utf8'), name);
    if (inner.format !== undefined) return inner;
    return {
      format: undefined,
      reason: 'the file is UTF-16 text; cyclecheck reads UTF-8',
      line: 1,
      hint: SAVE_AS_UTF8,
    };
  }
  // Containers recognised by their magic bytes already say what they are.
  if (isGzip(head) || isZipHead(head) || isSqliteHead(head) || sniffPdf(head)) return sniffed;
  const nul = head.indexOf(0);
  if (nul !== -1) {
    return {
      format: undefined,
      reason: 'a binary file (it contains NUL bytes)',
      line: lineOfOffset(head, nul),
    };
  }
  return sniffed;
}

/** UTF-8, or Windows-1252 when not UTF-8 (as the canonical readers read it). */
function decodeHead(bytes: Buffer): string {
  const text = decodeHeadText(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first line that is neither blank nor a `#` comment, trimmed, and its 1-based number. */
function findHeaderLine(text: string): { header: string; line: number } | undefined {
  // Line by line, not text.split(): detection runs on every file of a batch, and the head it
  // reads is up to 64 KB, of which only the first few lines matter.
  for (let start = 0, line = 1; ; line++) {
    const newline = text.indexOf('\n', start);
    const header = text.slice(start, newline === -1 ? text.length : newline).trim();
    if (header !== '' && !header.startsWith('#')) return { header, line };
    if (newline === -1) return undefined;
    start = newline + 1;
  }
}

function sniffCsv(text: string): Sniffed {
  const found = findHeaderLine(text);
  if (found === undefined) return { format: undefined, reason: 'no data lines, only comments' };
  const { header, line } = found;
  const known = sniffUnsupportedText(header, text, []);
  if (known) return fromRecognised(known);
  const fitbit = /^"?(id|timestamp|birth_control_type|pregnancy_history)"?,/.exec(header);
  if (fitbit && FITBIT_HEADERS.some((h) => header.replaceAll('"', '').startsWith(h))) {
    return { format: 'fitbit' };
  }
  if (header.includes('\uFFFD')) {
    return {
      format: undefined,
      reason: 'not UTF-8 text (a binary file, or text in a legacy encoding)',
      line,
      hint: SAVE_AS_UTF8,
    };
  }
  // Canonical logs may use `;` or tab (spreadsheets in many locales); drip always uses `,`.
  const cells = header
    .split(/[,;\t]/)
    .map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  // A log without its header line: the CSV reader says exactly that, with the line.
  if (/^\d{4}-\d{2}-\d{2}$/.test(cells[0] ?? '')) return { format: 'csv' };
  if (!cells.includes('date')) {
    return {
      format: undefined,
      reason: `the first line is not a header with a \`date\` column (found '${header.slice(0, 40)}')`,
      line,
    };
  }
  if (cells.some((cell) => DRIP_COLUMN.test(cell))) return { format: 'drip' };
  return { format: 'csv' };
}

interface JsonShape {
  top: 'object' | 'array';
  /** Keys of the top-level object, or of the first element of a top-level array. */
  keys: string[];
  /** Every key seen anywhere in the head. */
  allKeys: Set<string>;
  /** The string value of a top-level "format" key. */
  formatValue?: string;
  /** The top-level array is empty. */
  empty: boolean;
}

/**
 * Walks the JSON text just far enough to see its shape; the head may end mid-document, so
 * this never fails, it only reports what it saw.
 */
export function peekJsonShape(text: string): JsonShape | undefined {
  const start = text.search(/\S/);
  const open = text[start];
  if (open !== '{' && open !== '[') return undefined;
  const shape: JsonShape = {
    top: open === '{' ? 'object' : 'array',
    keys: [],
    allKeys: new Set(),
    empty: false,
  };
  // For an object the interesting keys are at depth 1; for an array, in its first element.
  const keyDepth = open === '{' ? 1 : 2;
  let depth = 0;
  let element = 0;
  let pendingFormat = false;
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      // A raw control character (a line break…) cannot be inside a JSON string: stop there, so
      // that no key or value seen here can carry one into a message.
      while (j < text.length && text[j] !== '"' && text.charCodeAt(j) >= 0x20) {
        if (text[j] === '\\') j++;
        else value += text[j];
        j++;
      }
      if (j >= text.length || text[j] !== '"') break;
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      if (text[k] === ':') {
        shape.allKeys.add(value);
        if (depth === keyDepth && element === 0) shape.keys.push(value);
        pendingFormat = depth === 1 && shape.top === 'object' && value === 'format';
      } else if (pendingFormat) {
        shape.formatValue = value;
        pendingFormat = false;
      }
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) {
        if (shape.top === 'array' && text.slice(start + 1, i).trim() === '') shape.empty = true;
        break;
      }
    } else if (ch === ',' && depth === 1 && shape.top === 'array') element++;
    else if (!/\s|:/.test(ch)) pendingFormat = false;
    i++;
  }
  return shape;
}

function sniffJson(text: string, name: string): Sniffed {
  const shape = peekJsonShape(text);
  if (!shape) return { format: undefined, reason: 'not JSON' };
  const has = (key: string): boolean => shape.keys.includes(key);
  if (shape.top === 'object') {
    if (has('operationalData')) return { format: 'flo' };
    if (has('data') && (has('environment') || has('export_time') || shape.allKeys.has('day'))) {
      return { format: 'clue-backup' };
    }
    if (shape.formatValue?.startsWith('cyclecheck-log')) return { format: 'json' };
    if (shape.formatValue !== undefined && shape.formatValue.startsWith('cyclecheck-')) {
      // A report or another document this tool wrote: say so rather than misread it as a log.
      return {
        format: undefined,
        reason: `a ${shape.formatValue.slice(0, 40)} document, not a log`,
      };
    }
    if (
      has('periods') &&
      (has('symptom_date') || has('symptoms') || shape.allKeys.has('period_id'))
    ) {
      return { format: 'mensinator' };
    }
    if (has('days') || has('profile')) return { format: 'json' };
    return {
      format: undefined,
      reason: `a JSON object with keys ${
        shape.keys
          .slice(0, 5)
          .map((k) => `"${k.slice(0, 30)}"`)
          .join(', ') || '(none)'
      } that matches no supported export`,
    };
  }
  if (shape.empty) {
    // Nothing to go on but the name: Clue calls its file measurements.json.
    return { format: /measurements/i.test(name) ? 'clue' : 'json' };
  }
  if (has('version') || shape.allKeys.has('eventdate') || shape.allKeys.has('eventtype')) {
    return { format: 'periodical' };
  }
  if (has('type') && has('date')) return { format: 'clue' };
  // Day objects (even one missing its date): the JSON reader names what is wrong and where.
  if (has('date') || shape.keys.some((key) => (DAY_FIELDS as readonly string[]).includes(key))) {
    return { format: 'json' };
  }
  return {
    format: undefined,
    reason: 'a JSON array whose first element matches no supported export',
  };
}
