/**
 * Column names as people write them: a header cell or JSON key → the canonical
 * column it means. Names are compared after folding case, spaces and punctuation away, so
 * `Menstrual Flow`, `menstrual_flow` and `MENSTRUAL-FLOW` are one name. Synonyms are a fixed
 * table; anything else is mapped by the person with `--column SOURCE=FIELD` or a
 * `# columns: SOURCE=FIELD` line in the log.
 */
import { DAY_FIELDS } from '../core/log.ts';
import { quoteInput, type DayColumn } from './day-values.ts';

/**
 * What a column can be read as: a canonical column, or `spotting`, a yes/no column whose yes
 * days are bleeding = spotting (a sheet with a "Spotting" tick box).
 */
export type ColumnTarget = DayColumn | 'spotting';

export const COLUMN_TARGETS: readonly ColumnTarget[] = ['date', ...DAY_FIELDS, 'spotting'];

/** A column named by the person: `--column Flow=bleeding` or `# columns: Flow=bleeding`. */
export interface ColumnMapping {
  source: string;
  target: ColumnTarget;
}

export type ColumnMatch =
  { target: ColumnTarget; how: 'canonical' | 'mapped' } | { target: ColumnTarget; how: 'synonym' };

/** `Menstrual Flow (°C)` → `menstrualflowc`: letters and digits only, lower case. */
export function foldColumnName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** British spellings of canonical names: read as the canonical column, without a note. */
const SPELLINGS: Readonly<Record<string, DayColumn>> = {
  odour: 'odor',
  bloodcolour: 'blood_color',
};

/**
 * Names people give the canonical columns in their own sheets. Each use is named once in the
 * report's warnings, so a reader can check it. Basal temperature is deliberately absent: a
 * basal reading is never a fever reading (BASAL_NAMES).
 */
const SYNONYMS: Readonly<Partial<Record<ColumnTarget, readonly string[]>>> = {
  bleeding: [
    'flow',
    'menstrual flow',
    'period flow',
    'flow level',
    'bleeding level',
    'bleeding amount',
    'menstruation',
    'menstrual bleeding',
    'menses',
    'bleed',
    'blood',
    'blood flow',
  ],
  spotting: ['spotting', 'spot'],
  period: ['on period', 'period day', 'menstruating'],
  sex: [
    'intercourse',
    'sexual intercourse',
    'sexual activity',
    'had sex',
    'sex activity',
    'lovemaking',
  ],
  pain_during_sex: ['painful sex', 'pain with sex', 'pain during intercourse', 'dyspareunia'],
  cramps: ['cramping', 'cramp', 'menstrual cramps', 'period cramps', 'period pain'],
  pelvic_pain: ['abdominal pain', 'lower abdominal pain', 'pelvis pain', 'belly pain'],
  discharge: ['vaginal discharge', 'cervical mucus', 'cervical fluid', 'mucus'],
  odor: ['smell', 'vaginal odor', 'vaginal odour', 'bad smell'],
  painful_urination: ['burning urination', 'pain when urinating', 'pain urinating', 'dysuria'],
  fever: ['feverish', 'has fever'],
  temperature: [
    'temp',
    'body temperature',
    'body temp',
    'temperature c',
    'temp c',
    'temperature celsius',
  ],
  soaking: ['flooding', 'soaked through', 'soaking through'],
  dizzy: ['dizziness', 'lightheaded', 'light headed'],
  notes: ['note', 'comment', 'comments', 'remarks', 'diary'],
};

/** Basal temperature columns: known, and ignored on purpose (never read as fever). */
const BASAL_NAMES: ReadonlySet<string> = new Set(
  [
    'bbt',
    'basal',
    'basal temp',
    'basal temperature',
    'basal body temperature',
    'basal body temp',
    'temperature basal',
    'bbt c',
  ].map(foldColumnName),
);

const CANONICAL = new Map<string, DayColumn>(
  (['date', ...DAY_FIELDS] as DayColumn[]).map((column) => [foldColumnName(column), column]),
);
const SYNONYM_INDEX = new Map<string, ColumnTarget>(
  Object.entries(SYNONYMS).flatMap(([target, names]) =>
    names.map((name) => [foldColumnName(name), target as ColumnTarget] as const),
  ),
);

export function isColumnTarget(text: string): text is ColumnTarget {
  return (COLUMN_TARGETS as readonly string[]).includes(text);
}

/** Whether a header names basal body temperature (ignored, with a reason that says why). */
export function isBasalTemperatureName(name: string): boolean {
  return BASAL_NAMES.has(foldColumnName(name));
}

/**
 * What a header cell or JSON key is read as: the person's own mapping first, then the canonical
 * names, then the synonym table. Undefined when unknown.
 */
export function matchColumnName(
  name: string,
  mappings: readonly ColumnMapping[] = [],
): ColumnMatch | undefined {
  const key = foldColumnName(name);
  if (key === '') return undefined;
  const mapped = mappings.find((m) => foldColumnName(m.source) === key);
  if (mapped !== undefined) return { target: mapped.target, how: 'mapped' };
  const canonical =
    CANONICAL.get(key) ?? (Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : undefined);
  if (canonical !== undefined) return { target: canonical, how: 'canonical' };
  const synonym = SYNONYM_INDEX.get(key);
  return synonym === undefined ? undefined : { target: synonym, how: 'synonym' };
}

/** The known name closest to an unknown one ("bleding" → bleeding), when one is close. */
export function suggestColumnName(name: string): ColumnTarget | undefined {
  const key = foldColumnName(name);
  if (key === '' || BASAL_NAMES.has(key)) return undefined;
  let best: ColumnTarget | undefined;
  let bestDistance = Infinity;
  for (const [known, target] of [...CANONICAL, ...SYNONYM_INDEX]) {
    const distance = editDistance(key, known);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = target;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** How a synonym was read, for the report's warnings. */
export function describeSynonym(
  name: string,
  target: ColumnTarget,
  what: 'column' | 'field' = 'column',
): string {
  return target === 'spotting'
    ? `${what} ${quoteInput(name)} read as bleeding: spotting on the days it says yes`
    : `${what} ${quoteInput(name)} read as ${target}`;
}

const MAPPING_HELP = `write SOURCE=FIELD, e.g. Flow=bleeding; FIELD is one of ${COLUMN_TARGETS.join(', ')}`;

/**
 * `Flow=bleeding` → a mapping. Throws a plain Error (the caller adds where it came from).
 * The field may be written in any case, and with spaces for underscores.
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const at = text.lastIndexOf('=');
  if (at === -1) throw new Error(`${JSON.stringify(text)} has no "="; ${MAPPING_HELP}`);
  const source = text.slice(0, at).trim();
  const field = text
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (source === '')
    throw new Error(`${JSON.stringify(text)} names no source column; ${MAPPING_HELP}`);
  if (!isColumnTarget(field)) {
    throw new Error(`${JSON.stringify(field)} is not a field cyclecheck reads; ${MAPPING_HELP}`);
  }
  return { source, target: field };
}

/** `Flow=bleeding, Intercourse=sex` (a `# columns:` line) → mappings. */
export function parseColumnMappingList(text: string): ColumnMapping[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseColumnMapping);
}
