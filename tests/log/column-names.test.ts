import { describe, expect, it } from 'vitest';
import {
  isBasalTemperatureName,
  matchColumnName,
  parseColumnMapping,
  parseColumnMappingList,
  suggestColumnName,
} from '../../src/log/column-names.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { parseCanonicalJson } from '../../src/log/canonical-json.ts';

describe('column synonyms', () => {
  it.each([
    ['Flow', 'bleeding'],
    ['Menstrual Flow', 'bleeding'],
    ['menstrual_flow', 'bleeding'],
    ['MENSTRUATION', 'bleeding'],
    ['Bleed', 'bleeding'],
    ['Blood', 'bleeding'],
    ['Spotting', 'spotting'],
    ['Intercourse', 'sex'],
    ['Sexual activity', 'sex'],
    ['Cramping', 'cramps'],
    ['Temp', 'temperature'],
    ['Body temperature', 'temperature'],
    ['Temperature (°C)', 'temperature'],
    ['Note', 'notes'],
    ['Dizziness', 'dizzy'],
  ])('%j → %s, named as a synonym', (name, target) => {
    expect(matchColumnName(name)).toEqual({ target, how: 'synonym' });
  });

  it.each(['BBT', 'Basal body temperature', 'basal_temp'])(
    '%j is never temperature (a basal reading is not a fever reading)',
    (name) => {
      expect(matchColumnName(name)).toBeUndefined();
      expect(isBasalTemperatureName(name)).toBe(true);
      expect(suggestColumnName(name)).toBeUndefined();
    },
  );

  it('the person’s mapping wins over the table, matched after folding', () => {
    const mappings = [{ source: 'Blood ', target: 'notes' as const }];
    expect(matchColumnName('blood', mappings)).toEqual({ target: 'notes', how: 'mapped' });
    expect(matchColumnName('Flow', mappings)).toEqual({ target: 'bleeding', how: 'synonym' });
  });

  it('suggests bleeding for near misses', () => {
    expect(suggestColumnName('bleding')).toBe('bleeding');
    expect(suggestColumnName('Bleedng')).toBe('bleeding');
    expect(suggestColumnName('weather')).toBeUndefined();
  });
});

describe('--column and # columns', () => {
  it.each([
    ['Flow=bleeding', { source: 'Flow', target: 'bleeding' }],
    [' My Flow = Bleeding ', { source: 'My Flow', target: 'bleeding' }],
    ['a=b=pelvic pain', { source: 'a=b', target: 'pelvic_pain' }],
    ['Tick=spotting', { source: 'Tick', target: 'spotting' }],
  ])('%j', (text, mapping) => expect(parseColumnMapping(text)).toEqual(mapping));

  it.each([
    ['Flow', /has no "="/],
    ['=bleeding', /names no source column/],
    ['Flow=blood', /"blood" is not a field cyclecheck reads/],
  ])('%j is refused', (text, message) => {
    expect(() => parseColumnMapping(text)).toThrow(message);
  });

  it('reads a list', () => {
    expect(parseColumnMappingList('Flow=bleeding, Verkehr=sex,')).toEqual([
      { source: 'Flow', target: 'bleeding' },
      { source: 'Verkehr', target: 'sex' },
    ]);
  });

  it('a # columns line maps the file; the command line wins over it', () => {
    const text =
      '# columns: Blutung=bleeding, Verkehr=sex\ndate,Blutung,Verkehr\n2025-03-01,heavy,x\n';
    expect(parseCanonicalCsv(text, 'log.csv').log.days).toEqual([
      { date: '2025-03-01', bleeding: 'heavy', sex: true },
    ]);
    const overridden = parseCanonicalCsv(text, 'log.csv', {
      columns: [{ source: 'Verkehr', target: 'notes' }],
    });
    expect(overridden.log.days).toEqual([{ date: '2025-03-01', bleeding: 'heavy', notes: 'x' }]);
    // The mapping is the person's own: no warning about it.
    expect(overridden.warnings).toEqual([]);
  });

  it('a # date_format line decides slash dates; the command line wins over it', () => {
    const text = '# date_format: DMY\ndate,bleeding\n01/09/2026,heavy\n';
    expect(parseCanonicalCsv(text, 'l.csv').log.days[0]!.date).toBe('2026-09-01');
    expect(parseCanonicalCsv(text, 'l.csv', { dateFormat: 'mdy' }).log.days[0]!.date).toBe(
      '2026-01-09',
    );
  });

  it('a bad # columns or # date_format line is refused at its line', () => {
    expect(() => parseCanonicalCsv('# columns: Flow\ndate,bleeding\n', 'l.csv')).toThrow(
      /^l\.csv:1: columns: "Flow" has no "="/,
    );
    expect(() => parseCanonicalCsv('\n# date_format: dym\ndate,bleeding\n', 'l.csv')).toThrow(
      /^l\.csv:2: date_format: "dym" is not one of ymd, dmy, mdy/,
    );
  });
});

describe('synonyms in the readers, each named once', () => {
  it('CSV: one warning per synonym column, at the header line', () => {
    const result = parseCanonicalCsv(
      '# age: 30\nDate,Flow,Cramping\n2025-03-01,Moderate,light\n',
      'log.csv',
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'medium', cramps: 'mild' }]);
    expect(result.warnings).toEqual([
      { file: 'log.csv', line: 2, message: 'column "Flow" read as bleeding' },
      { file: 'log.csv', line: 2, message: 'column "Cramping" read as cramps' },
    ]);
  });

  it('CSV: a spotting tick box never lowers a level from the bleeding column', () => {
    const result = parseCanonicalCsv(
      'date,bleeding,spotting\n2025-03-01,heavy,yes\n2025-03-02,,yes\n2025-03-03,,no\n',
      'log.csv',
    );
    expect(result.log.days).toEqual([
      { date: '2025-03-01', bleeding: 'heavy' },
      { date: '2025-03-02', bleeding: 'spotting' },
      { date: '2025-03-03' },
    ]);
  });

  it('JSON: a synonym key is named once, however many days carry it', () => {
    const result = parseCanonicalJson(
      '[{"date": "2025-03-01", "Flow": "heavy"}, {"date": "2025-03-02", "Flow": "light"}]',
      'log.json',
    );
    expect(result.log.days).toEqual([
      { date: '2025-03-01', bleeding: 'heavy' },
      { date: '2025-03-02', bleeding: 'light' },
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '[0].Flow: field "Flow" read as bleeding',
    ]);
  });

  it('JSON: --column maps a key', () => {
    const result = parseCanonicalJson('[{"date": "2025-03-01", "Blutung": "heavy"}]', 'log.json', {
      columns: [{ source: 'blutung', target: 'bleeding' }],
    });
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'heavy' }]);
  });

  it('JSON: a log cyclecheck wrote (with its format) may have no bleeding field at all', () => {
    const text = '{"format": "cyclecheck-log/1", "days": [{"date": "2025-03-01", "sex": true}]}';
    expect(parseCanonicalJson(text, 'log.json').log.days).toHaveLength(1);
    expect(() => parseCanonicalJson('[{"date": "2025-03-01", "sex": true}]', 'log.json')).toThrow(
      /no field about bleeding was recognised \(the fields are date, sex\)/,
    );
  });
});
