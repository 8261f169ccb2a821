import { describe, expect, test } from 'vitest';
import type { Day } from '../../src/core/log.ts';
import { InputError } from '../../src/errors.ts';
import {
  appleHealthImporter,
  looksLikeAppleHealth,
} from '../../src/importers/apple-health/index.ts';
import type { ImportResult } from '../../src/log/import-contract.ts';
import { HEAD_BYTES, type InputFile } from '../../src/io/input-file.ts';

// ---------------------------------------------------------------------------------------------
// Builders for small exports, shaped like the Health app writes them.

const DTD = `<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
]>
`;

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  DTD +
  '<HealthData locale="en_GB">\n' +
  ' <ExportDate value="2025-03-15 09:41:07 +0100"/>\n' +
  ' <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-05-02" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>\n';

/** The line of the first body line (the first record) in `exportXml`. */
const FIRST_BODY_LINE = HEAD.split('\n').length;

function exportXml(body: string): string {
  return HEAD + body + '</HealthData>\n';
}

interface RecordSpec {
  type: string;
  start: string;
  end?: string;
  value?: string;
  source?: string;
  metadata?: Record<string, string>;
}

/** One category `<Record>` (type without the HKCategoryTypeIdentifier prefix). */
function record({ type, start, end, value, source = 'Health', metadata }: RecordSpec): string {
  const open =
    ` <Record type="HKCategoryTypeIdentifier${type}" sourceName="${source}" sourceVersion="17.1"` +
    ` creationDate="${start}" startDate="${start}" endDate="${end ?? start}"` +
    (value === undefined ? '' : ` value="${value}"`);
  if (!metadata) return open + '/>\n';
  const children = Object.entries(metadata)
    .map(([key, v]) => `  <MetadataEntry key="${key}" value="${v}"/>\n`)
    .join('');
  return open + '>\n' + children + ' </Record>\n';
}

const WATCH_DEVICE =
  '&lt;&lt;HKDevice: 0x2830e5c20&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.1&gt;';

/** A heart-rate-variability record with its multi-line list of beats, as the watch writes it. */
function hrv(start: string): string {
  return (
    ` <Record type="HKQuantityTypeIdentifierHeartRateVariabilitySDNN" sourceName="Anna’s Apple Watch" sourceVersion="10.1" device="${WATCH_DEVICE}" unit="ms" creationDate="${start}" startDate="${start}" endDate="${start}" value="41.5">\n` +
    '  <HeartRateVariabilityMetadataList>\n' +
    '   <InstantaneousBeatsPerMinute bpm="63" time="8:11:03.42\u202FAM"/>\n' +
    '   <InstantaneousBeatsPerMinute bpm="64" time="8:11:04.38\u202FAM"/>\n' +
    '  </HeartRateVariabilityMetadataList>\n' +
    ' </Record>\n'
  );
}

function heartRate(start: string): string {
  return ` <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Anna’s Apple Watch" sourceVersion="10.1" device="${WATCH_DEVICE}" unit="count/min" creationDate="${start}" startDate="${start}" endDate="${start}" value="72">\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n </Record>\n`;
}

/** An in-memory input whose stream yields chunks of the given sizes, cycled. */
function chunkedInput(
  content: string | Buffer,
  sizes: number[] = [1024 * 1024],
  name = 'export.xml',
): InputFile {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    path: undefined,
    size: data.length,
    head: data.subarray(0, HEAD_BYTES),
    readAll: () => Promise.resolve(data),
    async *stream() {
      let offset = 0;
      for (let i = 0; offset < data.length; i++) {
        const size = sizes[i % sizes.length] ?? 1;
        yield data.subarray(offset, offset + size);
        offset += size;
      }
    },
  };
}

function importApple(
  content: string | Buffer,
  sizes?: number[],
  forced = false,
): Promise<ImportResult> {
  return appleHealthImporter.read(chunkedInput(content, sizes), { forced });
}

async function importDays(body: string): Promise<Day[]> {
  return (await importApple(exportXml(body))).log.days;
}

async function rejection(content: string | Buffer, forced = true): Promise<InputError> {
  try {
    await importApple(content, undefined, forced);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

const NOON = (date: string, offset = '+0100'): string => `${date} 12:00:00 ${offset}`;

// ---------------------------------------------------------------------------------------------

describe('Apple Health: value mapping', () => {
  test.each<[string, string, Partial<Day>]>([
    ['MenstrualFlow', 'HKCategoryValueMenstrualFlowUnspecified', { bleeding: 'light' }],
    ['MenstrualFlow', 'HKCategoryValueMenstrualFlowLight', { bleeding: 'light' }],
    ['MenstrualFlow', 'HKCategoryValueMenstrualFlowMedium', { bleeding: 'medium' }],
    ['MenstrualFlow', 'HKCategoryValueMenstrualFlowHeavy', { bleeding: 'heavy' }],
    ['MenstrualFlow', 'HKCategoryValueMenstrualFlowNone', { bleeding: 'none' }],
    ['MenstrualFlow', 'HKCategoryValueVaginalBleedingUnspecified', { bleeding: 'light' }],
    ['MenstrualFlow', 'HKCategoryValueVaginalBleedingLight', { bleeding: 'light' }],
    ['MenstrualFlow', 'HKCategoryValueVaginalBleedingMedium', { bleeding: 'medium' }],
    ['MenstrualFlow', 'HKCategoryValueVaginalBleedingHeavy', { bleeding: 'heavy' }],
    ['MenstrualFlow', 'HKCategoryValueVaginalBleedingNone', { bleeding: 'none' }],
    ['IntermenstrualBleeding', 'HKCategoryValueNotApplicable', { bleeding: 'spotting' }],
    ['SexualActivity', 'HKCategoryValueNotApplicable', { sex: true }],
    ['AbdominalCramps', 'HKCategoryValueSeverityUnspecified', { cramps: 'mild' }],
    ['AbdominalCramps', 'HKCategoryValueSeverityNotPresent', { cramps: 'none' }],
    ['AbdominalCramps', 'HKCategoryValueSeverityMild', { cramps: 'mild' }],
    ['AbdominalCramps', 'HKCategoryValueSeverityModerate', { cramps: 'moderate' }],
    ['AbdominalCramps', 'HKCategoryValueSeveritySevere', { cramps: 'severe' }],
    ['PelvicPain', 'HKCategoryValueSeverityUnspecified', { pelvic_pain: 'mild' }],
    ['PelvicPain', 'HKCategoryValueSeveritySevere', { pelvic_pain: 'severe' }],
    [
      'CervicalMucusQuality',
      'HKCategoryValueCervicalMucusQualityEggWhite',
      { discharge: 'normal' },
    ],
    ['CervicalMucusQuality', 'HKCategoryValueCervicalMucusQualityCreamy', { discharge: 'normal' }],
    ['CervicalMucusQuality', 'HKCategoryValueCervicalMucusQualityDry', { discharge: 'none' }],
    [
      'BleedingDuringPregnancy',
      'HKCategoryValueVaginalBleedingLight',
      { bleeding: 'light', notes: 'bleeding during pregnancy (Apple Health)' },
    ],
    [
      'BleedingAfterPregnancy',
      'HKCategoryValueVaginalBleedingHeavy',
      { bleeding: 'heavy', notes: 'bleeding after pregnancy (Apple Health)' },
    ],
    ['Fever', 'HKCategoryValueSeverityModerate', { fever: true }],
    ['Fever', 'HKCategoryValueSeverityNotPresent', { fever: false }],
    ['Dizziness', 'HKCategoryValueSeverityMild', { dizzy: true }],
    ['Fainting', 'HKCategoryValueSeverityUnspecified', { dizzy: true }],
    [
      'PregnancyTestResult',
      'HKCategoryValuePregnancyTestResultPositive',
      { notes: 'pregnancy test: positive (Health)' },
    ],
    [
      'OvulationTestResult',
      'HKCategoryValueOvulationTestResultLuteinizingHormoneSurge',
      { notes: 'ovulation test: LH surge (Health)' },
    ],
    [
      'OvulationTestResult',
      'HKCategoryValueOvulationTestResultEstrogenSurge',
      { notes: 'ovulation test: estrogen surge (Health)' },
    ],
    [
      'ProgesteroneTestResult',
      'HKCategoryValueProgesteroneTestResultNegative',
      { notes: 'progesterone test: negative (Health)' },
    ],
  ])('%s %s', async (type, value, expected) => {
    const days = await importDays(record({ type, start: NOON('2024-10-03'), value }));
    expect(days).toEqual([{ date: '2024-10-03', ...expected }]);
  });

  test('HKMenstrualCycleStart = 1 marks the period start; 0 does not; a "None" flow never does', async () => {
    const days = await importDays(
      record({
        type: 'MenstrualFlow',
        start: NOON('2024-10-03'),
        value: 'HKCategoryValueMenstrualFlowHeavy',
        metadata: { HKMenstrualCycleStart: '1', HKWasUserEntered: '1' },
      }) +
        record({
          type: 'MenstrualFlow',
          start: NOON('2024-10-04'),
          value: 'HKCategoryValueMenstrualFlowMedium',
          metadata: { HKMenstrualCycleStart: '0' },
        }) +
        record({
          type: 'MenstrualFlow',
          start: NOON('2024-10-09'),
          value: 'HKCategoryValueMenstrualFlowNone',
          metadata: { HKMenstrualCycleStart: '1' },
        }),
    );
    expect(days).toEqual([
      { date: '2024-10-03', bleeding: 'heavy', period: true },
      { date: '2024-10-04', bleeding: 'medium' },
      { date: '2024-10-09', bleeding: 'none' },
    ]);
  });

  test('records on one date merge: highest amount, worst severity, yes wins, notes joined', async () => {
    const days = await importDays(
      record({
        type: 'MenstrualFlow',
        start: NOON('2024-10-03'),
        value: 'HKCategoryValueMenstrualFlowLight',
      }) +
        record({
          type: 'MenstrualFlow',
          start: '2024-10-03 18:00:00 +0100',
          value: 'HKCategoryValueMenstrualFlowHeavy',
          source: 'Clue',
        }) +
        record({
          type: 'MenstrualFlow',
          start: '2024-10-03 20:00:00 +0100',
          value: 'HKCategoryValueMenstrualFlowMedium',
        }) +
        record({
          type: 'IntermenstrualBleeding',
          start: NOON('2024-10-03'),
          value: 'HKCategoryValueNotApplicable',
        }) +
        record({
          type: 'AbdominalCramps',
          start: NOON('2024-10-03'),
          value: 'HKCategoryValueSeveritySevere',
        }) +
        record({
          type: 'AbdominalCramps',
          start: '2024-10-03 19:00:00 +0100',
          value: 'HKCategoryValueSeverityMild',
        }) +
        record({ type: 'Fever', start: NOON('2024-10-03'), value: 'HKCategoryValueSeverityMild' }) +
        record({
          type: 'Fever',
          start: '2024-10-03 20:00:00 +0100',
          value: 'HKCategoryValueSeverityNotPresent',
        }) +
        record({
          type: 'OvulationTestResult',
          start: NOON('2024-10-03'),
          value: 'HKCategoryValueOvulationTestResultNegative',
        }) +
        record({
          type: 'OvulationTestResult',
          start: NOON('2024-10-03'),
          value: 'HKCategoryValueOvulationTestResultNegative',
        }) +
        record({
          type: 'PregnancyTestResult',
          start: NOON('2024-10-03'),
          value: 'HKCategoryValuePregnancyTestResultNegative',
        }),
    );
    expect(days).toEqual([
      {
        date: '2024-10-03',
        bleeding: 'heavy',
        cramps: 'severe',
        fever: true,
        notes: 'ovulation test: negative (Health); pregnancy test: negative (Health)',
      },
    ]);
  });
});

describe('Apple Health: dates', () => {
  test.each([
    ['spring forward, before the switch', '2024-03-31 01:30:00 +0100', '2024-03-31'],
    ['spring forward, after the switch', '2024-03-31 03:30:00 +0200', '2024-03-31'],
    ['autumn back, second 02:30', '2024-10-27 02:30:00 +0100', '2024-10-27'],
    [
      'late evening in California (already the next day in UTC)',
      '2024-08-10 23:30:00 -0700',
      '2024-08-10',
    ],
    [
      'just after midnight in Tokyo (still the day before in UTC)',
      '2024-02-12 00:30:00 +0900',
      '2024-02-12',
    ],
    ['just after midnight in Berlin', '2025-01-01 00:05:00 +0100', '2025-01-01'],
  ])('%s: %s is %s', async (_what, start, date) => {
    const days = await importDays(
      record({ type: 'SexualActivity', start, value: 'HKCategoryValueNotApplicable' }),
    );
    expect(days.map((d) => d.date)).toEqual([date]);
  });

  test('samples spanning midnight cover each date they touch; an end at 00:00:00 does not touch that date', async () => {
    const days = await importDays(
      record({
        type: 'AbdominalCramps',
        start: '2024-10-03 22:00:00 +0200',
        end: '2024-10-04 02:00:00 +0200',
        value: 'HKCategoryValueSeverityModerate',
      }) +
        record({
          type: 'MenstrualFlow',
          start: '2024-10-10 00:00:00 +0200',
          end: '2024-10-11 00:00:00 +0200',
          value: 'HKCategoryValueMenstrualFlowLight',
        }) +
        record({
          type: 'SexualActivity',
          start: '2024-10-26 23:40:00 +0200',
          end: '2024-10-27 00:25:00 +0200',
          value: 'HKCategoryValueNotApplicable',
        }) +
        record({
          type: 'IntermenstrualBleeding',
          start: '2024-10-30 08:00:00 +0100',
          end: '2024-10-30 07:00:00 +0100',
          value: 'HKCategoryValueNotApplicable',
        }),
    );
    expect(days).toEqual([
      { date: '2024-10-03', cramps: 'moderate' },
      { date: '2024-10-04', cramps: 'moderate' },
      { date: '2024-10-10', bleeding: 'light' },
      { date: '2024-10-26', sex: true },
      { date: '2024-10-27', sex: true },
      { date: '2024-10-30', bleeding: 'spotting' },
    ]);
  });

  test('a day-level sample longer than 31 days keeps only its start date, with a warning', async () => {
    const result = await importApple(
      exportXml(
        record({
          type: 'AbdominalCramps',
          start: '2024-01-01 08:00:00 +0100',
          end: '2024-03-01 08:00:00 +0100',
          value: 'HKCategoryValueSeverityMild',
        }),
      ),
    );
    expect(result.log.days).toEqual([{ date: '2024-01-01', cramps: 'mild' }]);
    expect(result.warnings).toContainEqual({
      file: 'export.xml',
      line: FIRST_BODY_LINE,
      message: '1 record span more than 31 days; only the start date of each is used',
    });
  });

  test('an invalid date is an error at the record line', async () => {
    const error = await rejection(
      exportXml(
        heartRate('2024-10-01 08:00:00 +0200') +
          record({
            type: 'SexualActivity',
            start: '2024-02-30 12:00:00 +0100',
            value: 'HKCategoryValueNotApplicable',
          }),
      ),
    );
    expect(error.message).toBe(
      'export.xml:' +
        (FIRST_BODY_LINE + 3) +
        ': invalid startDate "2024-02-30 12:00:00 +0100" in a SexualActivity record',
    );
  });
});

describe('Apple Health: records grouped by type', () => {
  const sexGroup = record({
    type: 'SexualActivity',
    start: '2024-11-05 22:30:00 +0100',
    value: 'HKCategoryValueNotApplicable',
  });
  const spottingGroup = record({
    type: 'IntermenstrualBleeding',
    start: '2024-11-06 08:00:00 +0100',
    value: 'HKCategoryValueNotApplicable',
  });
  const filler = [0, 1, 2, 3, 4]
    .map(
      (i) =>
        heartRate(`2024-11-0${i + 1} 08:0${i}:00 +0100`) + hrv(`2024-11-0${i + 1} 09:00:00 +0100`),
    )
    .join('');

  test('sex on D and bleeding on D+1 in different type groups end up in one log, in either order', async () => {
    const expected = [
      { date: '2024-11-05', sex: true },
      { date: '2024-11-06', bleeding: 'spotting' },
    ];
    expect(await importDays(spottingGroup + filler + sexGroup)).toEqual(expected);
    expect(await importDays(sexGroup + filler + spottingGroup)).toEqual(expected);
  });
});

describe('Apple Health: streaming', () => {
  // Records of every shape: self-closing, with metadata children over several lines, a comment
  // inside, single-quoted attributes, around heart-rate records with nested children.
  const body =
    heartRate('2024-10-01 08:00:00 +0200') +
    record({
      type: 'MenstrualFlow',
      start: '2024-10-01 00:00:00 +0200',
      end: '2024-10-02 00:00:00 +0200',
      value: 'HKCategoryValueMenstrualFlowHeavy',
      metadata: { HKMenstrualCycleStart: '1', HKWasUserEntered: '1' },
    }) +
    hrv('2024-10-01 09:00:00 +0200') +
    record({
      type: 'MenstrualFlow',
      start: '2024-10-02 00:00:00 +0200',
      value: 'HKCategoryValueVaginalBleedingMedium',
      metadata: { HKMenstrualCycleStart: '0' },
    }) +
    ` <Record type='HKCategoryTypeIdentifierMenstrualFlow' sourceName='Health' startDate='2024-10-03 12:00:00 +0200' endDate='2024-10-03 12:00:00 +0200' value='HKCategoryValueMenstrualFlowLight'>\n  <!-- a comment -->\n  <MetadataEntry key='HKMenstrualCycleStart' value='0'/>\n </Record>\n` +
    ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Anna’s Apple Watch" startDate="2024-10-03 23:00:00 +0200" endDate="2024-10-04 06:00:00 +0200" value="HKCategoryValueSleepAnalysisAsleepCore"/>\n` +
    record({
      type: 'SexualActivity',
      start: '2024-10-14 23:40:00 +0200',
      end: '2024-10-15 00:20:00 +0200',
      value: 'HKCategoryValueNotApplicable',
      metadata: { HKSexualActivityProtectionUsed: '0' },
    }) +
    heartRate('2024-10-15 08:00:00 +0200') +
    record({
      type: 'IntermenstrualBleeding',
      start: '2024-10-15 07:30:00 +0200',
      value: 'HKCategoryValueNotApplicable',
    }) +
    record({
      type: 'OvulationTestResult',
      start: '2024-10-16 07:30:00 +0200',
      value: 'HKCategoryValueOvulationTestResultLuteinizingHormoneSurge',
      source: 'Cycle\u202FTracker &lt;beta&gt; &amp; Anna&#8217;s &#x201C;app&#x201D;',
    }) +
    ` <Record type="HKCategoryTypeIdentifierAbdominalCramps"\n   sourceName="Health"\n   startDate="2024-10-28 21:00:00 +0100"\n   endDate="2024-10-29 01:00:00 +0100"\n   value="HKCategoryValueSeverityModerate"/>\n` +
    hrv('2024-10-30 09:00:00 +0100');
  const xml = exportXml(body);
  const expectedDays: Day[] = [
    { date: '2024-10-01', bleeding: 'heavy', period: true },
    { date: '2024-10-02', bleeding: 'medium' },
    { date: '2024-10-03', bleeding: 'light' },
    { date: '2024-10-14', sex: true },
    { date: '2024-10-15', bleeding: 'spotting', sex: true },
    {
      date: '2024-10-16',
      notes: 'ovulation test: LH surge (Cycle\u202FTracker <beta> & Anna’s “app”)',
    },
    { date: '2024-10-28', cramps: 'moderate' },
    { date: '2024-10-29', cramps: 'moderate' },
  ];

  test('the whole file in one chunk', async () => {
    expect((await importApple(xml)).log.days).toEqual(expectedDays);
  });

  test.each([1, 2, 3, 5, 7, 13, 64, 100, 333, 4096])(
    'chunks of %i bytes split records anywhere',
    async (size) => {
      const result = await importApple(xml, [size]);
      expect(result.log.days).toEqual(expectedDays);
      expect(
        result.summary.find((row) => row.what === 'other categories (sleep, stand hours, …)'),
      ).toEqual(expect.objectContaining({ dropped: 1 }));
    },
  );

  test('every split point of a multi-line record gives the same log', async () => {
    const bytes = Buffer.from(xml);
    const start = bytes.indexOf('<Record type="HKCategoryTypeIdentifierMenstrualFlow"');
    const end = bytes.indexOf('</Record>', start) + 20;
    for (let cut = start - 3; cut <= end; cut++) {
      const result = await importApple(bytes, [cut, bytes.length]);
      expect(result.log.days, `split at byte ${cut}`).toEqual(expectedDays);
    }
  });

  test('a source that overwrites one buffer for every chunk gives the same log', async () => {
    const bytes = Buffer.from(xml);
    for (const size of [1, 9, 250]) {
      const shared = Buffer.alloc(size);
      const input: InputFile = {
        ...chunkedInput(bytes),
        async *stream() {
          for (let offset = 0; offset < bytes.length; offset += size) {
            const n = bytes.copy(shared, 0, offset, offset + size);
            yield shared.subarray(0, n);
            shared.fill(0x3c);
          }
        },
      };
      const result = await appleHealthImporter.read(input, { forced: false });
      expect(result.log.days, `chunks of ${size}`).toEqual(expectedDays);
    }
  });

  test('a raw ">" inside a value and bytes that are not UTF-8 are read, not misaligned', async () => {
    const bytes = Buffer.concat([
      Buffer.from(
        HEAD +
          record({
            type: 'OvulationTestResult',
            start: NOON('2024-10-02'),
            value: 'HKCategoryValueOvulationTestResultNegative',
            source: 'A > B',
            metadata: { note: 'x > y' },
          }) +
          ' <Record type="HKCategoryTypeIdentifierOvulationTestResult" sourceName="Caf',
      ),
      Buffer.from([0xe9]),
      Buffer.from(
        '" startDate="2024-10-03 12:00:00 +0200" endDate="2024-10-03 12:00:00 +0200" value="HKCategoryValueOvulationTestResultNegative"/>\n' +
          record({
            type: 'SexualActivity',
            start: NOON('2024-10-04'),
            value: 'HKCategoryValueNotApplicable',
          }) +
          '</HealthData>\n',
      ),
    ]);
    for (const sizes of [[bytes.length], [1], [37]]) {
      const result = await importApple(bytes, sizes);
      expect(result.log.days).toEqual([
        { date: '2024-10-02', notes: 'ovulation test: negative (A > B)' },
        { date: '2024-10-03', notes: 'ovulation test: negative (Caf\ufffd)' },
        { date: '2024-10-04', sex: true },
      ]);
    }
  });

  test('a UTF-8 character split across chunks survives', async () => {
    const bytes = Buffer.from(xml);
    const at = bytes.indexOf('\u202FTracker') + 1;
    expect((await importApple(bytes, [at, bytes.length])).log.days).toEqual(expectedDays);
  });

  test('warning lines are right whatever the chunking', async () => {
    const withUnknown = exportXml(
      body +
        record({
          type: 'MenstrualFlow',
          start: NOON('2024-11-01'),
          value: 'HKCategoryValueSomethingNew',
        }),
    );
    const line = withUnknown.split('\n').findIndex((l) => l.includes('SomethingNew')) + 1;
    for (const size of [1, 17, 1 << 20]) {
      const result = await importApple(withUnknown, [size]);
      expect(result.warnings).toContainEqual({
        file: 'export.xml',
        line,
        message: 'MenstrualFlow: unknown value "HKCategoryValueSomethingNew" in 1 record, not used',
      });
    }
  });
});

describe('Apple Health: profile, app notes and gaps', () => {
  const factors =
    record({
      type: 'Contraceptive',
      start: '2019-01-01 00:00:00 +0100',
      end: '2020-06-01 00:00:00 +0200',
      value: 'HKCategoryValueContraceptiveOral',
    }) +
    record({
      type: 'Contraceptive',
      start: '2021-03-01 00:00:00 +0100',
      end: '4001-01-01 00:00:00 +0000',
      value: 'HKCategoryValueContraceptiveIntrauterineDevice',
    }) +
    record({
      type: 'Contraceptive',
      start: '2021-03-10 00:00:00 +0100',
      end: '4001-01-01 00:00:00 +0000',
      value: 'HKCategoryValueContraceptiveIntrauterineDevice',
      source: 'Clue',
    }) +
    record({
      type: 'Pregnancy',
      start: '2020-07-01 00:00:00 +0200',
      end: '2021-01-20 00:00:00 +0100',
      value: 'HKCategoryValueNotApplicable',
    }) +
    record({
      type: 'Lactation',
      start: '2021-01-20 00:00:00 +0100',
      end: '2021-07-01 00:00:00 +0200',
      value: 'HKCategoryValueNotApplicable',
    }) +
    record({
      type: 'BleedingDuringPregnancy',
      start: NOON('2020-08-12', '+0200'),
      value: 'HKCategoryValueVaginalBleedingLight',
    }) +
    record({
      type: 'IrregularMenstrualCycles',
      start: '2024-05-01 00:00:00 +0200',
      end: '2024-10-29 00:00:00 +0100',
      value: 'HKCategoryValueNotApplicable',
    }) +
    record({
      type: 'PersistentIntermenstrualBleeding',
      start: '2024-09-01 00:00:00 +0200',
      value: 'HKCategoryValueNotApplicable',
    });

  test('contraceptives, pregnancy and birth date go to the profile; ongoing factors stay open', async () => {
    const result = await importApple(exportXml(factors));
    expect(result.log.profile).toEqual({
      birth_date: '1990-05-02',
      contraception: [
        { method: 'combined-pill', start: '2019-01-01', end: '2020-05-31' },
        { method: 'iud', start: '2021-03-01' },
      ],
      pregnancy: { start: '2020-07-01', end: '2021-01-19' },
    });
  });

  test('the IUD type, pill type and pregnancy week are asked for', async () => {
    const { gaps } = await importApple(exportXml(factors));
    expect(gaps.map((g) => g.fact).sort()).toEqual([
      'iud-type',
      'menopause',
      'pill-type',
      'pregnancy-week',
    ]);
    expect(gaps.find((g) => g.fact === 'pregnancy-week')?.message).toBe(
      "your export records a pregnancy (2020-07-01..2021-01-19) without its week: pass --pregnancy 'start=2020-07-01 week=W@DATE end=2021-01-19' (the week on a date you know) or --pregnancy 'due=DATE'; until then the week counts as unknown",
    );
    expect(gaps.find((g) => g.fact === 'iud-type')?.message).toBe(
      'your export says IUD (2021-03-01 onward) but not which type: pass --contraception copper-iud@2021-03-01 or --contraception hormonal-iud@2021-03-01',
    );
  });

  test('age and menopause are asked for like every app export; age only without a birth date', async () => {
    const withBirth = await importApple(exportXml(''));
    expect(withBirth.gaps.map((g) => g.fact)).toEqual(['menopause']);
    const noBirth = await importApple(
      exportXml('').replace(
        'HKCharacteristicTypeIdentifierDateOfBirth="1990-05-02"',
        'HKCharacteristicTypeIdentifierDateOfBirth=""',
      ),
    );
    expect(noBirth.log.profile.birth_date).toBeUndefined();
    expect(noBirth.gaps.map((g) => g.fact)).toEqual(['age', 'menopause']);
  });

  test('an unspecified contraceptive becomes "other" and is asked for', async () => {
    const result = await importApple(
      exportXml(
        record({
          type: 'Contraceptive',
          start: '2023-01-01 00:00:00 +0100',
          end: '2023-01-01 00:00:00 +0100',
          value: 'HKCategoryValueContraceptiveUnspecified',
        }),
      ),
    );
    expect(result.log.profile.contraception).toEqual([
      { method: 'other', start: '2023-01-01', end: '2023-01-01' },
    ]);
    expect(result.gaps.map((g) => g.fact)).toEqual(['contraception-method', 'menopause']);
  });

  test("Apple's deviation findings and lactation become app notes", async () => {
    const { appNotes } = await importApple(exportXml(factors));
    expect(appNotes).toEqual([
      {
        date: '2021-01-20',
        text: 'Apple Health records lactation (2021-01-20..2021-06-30); breastfeeding can pause periods, which the rules do not take into account',
      },
      {
        date: '2024-05-01',
        text: 'Apple Health noted irregular menstrual cycles (2024-05-01 to 2024-10-28)',
      },
      { date: '2024-09-01', text: 'Apple Health noted persistent spotting between periods' },
    ]);
  });

  test('bleeding during pregnancy outside any recorded pregnancy asks for the pregnancy', async () => {
    const { gaps } = await importApple(
      exportXml(
        record({
          type: 'BleedingDuringPregnancy',
          start: NOON('2024-03-02'),
          value: 'HKCategoryValueVaginalBleedingMedium',
        }),
      ),
    );
    expect(gaps).toEqual([
      {
        fact: 'pregnancy',
        message:
          "your export records bleeding during pregnancy on 2024-03-02 but no pregnancy covering it: pass --pregnancy 'start=DATE week=W@DATE' or --pregnancy 'due=DATE' so the pregnancy rules apply",
      },
      expect.objectContaining({ fact: 'menopause' }),
    ]);
  });

  test('several pregnancies: the latest is used and the others are named', async () => {
    const result = await importApple(
      exportXml(
        record({
          type: 'Pregnancy',
          start: '2018-01-01 00:00:00 +0100',
          end: '2018-09-01 00:00:00 +0200',
          value: 'HKCategoryValueNotApplicable',
        }) +
          record({
            type: 'Pregnancy',
            start: '2024-12-01 00:00:00 +0100',
            end: '4001-01-01 00:00:00 +0000',
            value: 'HKCategoryValueNotApplicable',
          }),
      ),
    );
    expect(result.log.profile.pregnancy).toEqual({ start: '2024-12-01' });
    expect(result.warnings.map((w) => w.message)).toContain(
      'the export records 2 pregnancies (2018-01-01..2018-08-31, 2024-12-01 onward); the profile holds one, so only the latest is used',
    );
  });
});

describe('Apple Health: import summary and unknown types', () => {
  test('mapped and dropped counts per type; unknown types and values named with counts and the first line', async () => {
    const body =
      record({
        type: 'MenstrualFlow',
        start: NOON('2024-10-01'),
        value: 'HKCategoryValueMenstrualFlowLight',
      }) +
      record({
        type: 'MenstrualFlow',
        start: NOON('2024-10-02'),
        value: 'HKCategoryValueMenstrualFlowGushing',
      }) +
      record({
        type: 'Headache',
        start: NOON('2024-10-02'),
        value: 'HKCategoryValueSeverityMild',
      }) +
      record({
        type: 'Headache',
        start: NOON('2024-10-03'),
        value: 'HKCategoryValueSeverityMild',
      }) +
      record({
        type: 'AppleStandHour',
        start: NOON('2024-10-03'),
        value: 'HKCategoryValueAppleStandHourStood',
      }) +
      record({
        type: 'HypotheticalNewThing',
        start: NOON('2024-10-04'),
        value: 'HKCategoryValueNotApplicable',
      }) +
      record({
        type: 'HypotheticalNewThing',
        start: NOON('2024-10-05'),
        value: 'HKCategoryValueNotApplicable',
      });
    const result = await importApple(exportXml(body));
    expect(result.format).toBe('apple-health');
    expect(result.log.days).toEqual([{ date: '2024-10-01', bleeding: 'light' }]);
    expect(result.summary).toEqual([
      {
        what: 'MenstrualFlow',
        mapped: 1,
        dropped: 1,
        note: 'bleeding; HKMenstrualCycleStart → period',
      },
      { what: 'Headache', mapped: 0, dropped: 2, note: 'symptom not used by the rules' },
      {
        what: 'other categories (sleep, stand hours, …)',
        mapped: 0,
        dropped: 1,
        note: 'not cycle data',
      },
      { what: 'HypotheticalNewThing', mapped: 0, dropped: 2, note: 'unknown type' },
    ]);
    expect(result.warnings).toEqual([
      {
        file: 'export.xml',
        line: FIRST_BODY_LINE + 5,
        message:
          'unknown Apple Health category HKCategoryTypeIdentifierHypotheticalNewThing: 2 records not used',
      },
      {
        file: 'export.xml',
        line: FIRST_BODY_LINE + 1,
        message:
          'MenstrualFlow: unknown value "HKCategoryValueMenstrualFlowGushing" in 1 record, not used',
      },
    ]);
  });

  test('an export without cycle records says so', async () => {
    const result = await importApple(exportXml(heartRate('2024-10-01 08:00:00 +0200')));
    expect(result.log).toEqual({ profile: { birth_date: '1990-05-02' }, days: [] });
    expect(result.warnings.map((w) => w.message)).toEqual([
      'the export has no cycle-tracking records (Health app → Browse → Cycle Tracking)',
    ]);
  });
});

describe('Apple Health: malformed and hostile files are refused with a location', () => {
  const flow = record({
    type: 'MenstrualFlow',
    start: NOON('2024-10-01'),
    value: 'HKCategoryValueMenstrualFlowLight',
    metadata: { HKMenstrualCycleStart: '1' },
  });

  test.each([
    [
      'a record cut off at the end',
      HEAD + heartRate('2024-10-01 08:00:00 +0200') + flow.slice(0, 150),
      FIRST_BODY_LINE + 3,
      'the file ends inside this <Record> element: the export is truncated',
    ],
    [
      'a record cut inside its children',
      HEAD + flow.slice(0, flow.indexOf('</Record>')),
      FIRST_BODY_LINE,
      'the file ends inside this <Record> element: the export is truncated',
    ],
    [
      'a file cut between records',
      HEAD + flow,
      FIRST_BODY_LINE + 3,
      'the file ends without </HealthData>: the export is truncated or damaged',
    ],
    [
      'an undefined entity in an attribute',
      exportXml(
        heartRate('2024-10-01 08:00:00 +0200') +
          record({
            type: 'OvulationTestResult',
            start: NOON('2024-10-02'),
            value: 'HKCategoryValueOvulationTestResultNegative',
            source: 'Anna&rsquo;s iPhone',
          }),
      ),
      FIRST_BODY_LINE + 3,
      'undefined entity reference &rsquo; in an attribute value (only &lt; &gt; &amp; &quot; &apos; and &#…; are allowed)',
    ],
    [
      'a bare ampersand in an attribute',
      exportXml(
        record({
          type: 'SexualActivity',
          start: NOON('2024-10-02'),
          value: 'HKCategoryValueNotApplicable',
          source: 'Tom & Jerry',
        }),
      ),
      FIRST_BODY_LINE,
      '"&" not followed by an entity name and ";" in an attribute value',
    ],
    [
      'a forbidden character reference',
      exportXml(
        record({
          type: 'SexualActivity',
          start: NOON('2024-10-02'),
          value: 'HKCategoryValueNotApplicable',
          source: 'x&#0;y',
        }),
      ),
      FIRST_BODY_LINE,
      'character reference &#0; is not an allowed XML character',
    ],
    [
      'an unquoted attribute',
      exportXml(
        ' <Record type="HKCategoryTypeIdentifierSexualActivity" sourceName=Health startDate="2024-10-02 12:00:00 +0200" endDate="2024-10-02 12:00:00 +0200"/>\n',
      ),
      FIRST_BODY_LINE,
      'the value of attribute sourceName is not quoted',
    ],
  ])('%s', async (_what, content, line, reason) => {
    const error = await rejection(content, false);
    expect(error.message).toBe(`export.xml:${line}: ${reason}`);
    expect(error.location.line).toBe(line);
  });

  test('an entity declaration is refused at its line, not expanded', async () => {
    const xml = HEAD.replace(']>', '<!ENTITY who "Anna">\n]>') + flow + '</HealthData>\n';
    const error = await rejection(xml);
    expect(error.message).toBe(
      `export.xml:${DTD.split('\n').length}: the DOCTYPE declares an entity (<!ENTITY); Apple Health never does, and cyclecheck does not expand entities`,
    );
  });

  test('billion laughs is refused at the first declaration', async () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE HealthData [',
      ' <!ENTITY lol "lol">',
      ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      ' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">',
      ']>',
      '<HealthData locale="en_GB">',
      ` <Record type="HKCategoryTypeIdentifierSexualActivity" sourceName="&lol2;" startDate="2024-10-02 12:00:00 +0200" endDate="2024-10-02 12:00:00 +0200"/>`,
      '</HealthData>',
    ].join('\n');
    const error = await rejection(laughs);
    expect(error.message).toMatch(/^export\.xml:3: the DOCTYPE declares an entity/);
  });

  test.each([
    [
      'an external entity',
      '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
      'the DOCTYPE declares an external entity (<!ENTITY … SYSTEM/PUBLIC); Apple Health never does, and cyclecheck refuses it',
    ],
    [
      'a parameter entity reference',
      '%ext;',
      'the DOCTYPE uses a parameter entity (%…;); Apple Health never does, and cyclecheck does not expand entities',
    ],
  ])('%s is refused', async (_what, declaration, reason) => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n' +
      declaration +
      '\n]>\n<HealthData locale="en_GB">\n</HealthData>\n';
    expect((await rejection(xml)).message).toBe(`export.xml:3: ${reason}`);
  });

  test('an external DTD is refused, never fetched', async () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE HealthData SYSTEM "http://example.invalid/health.dtd">\n<HealthData locale="en_GB">\n</HealthData>\n';
    expect((await rejection(xml)).message).toBe(
      'export.xml:2: the DOCTYPE refers to an external DTD; Apple Health never writes one, and cyclecheck does not fetch it',
    );
  });

  test.each([
    [
      'another XML document',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n</svg>\n',
      2,
      'not an Apple Health export: the root element is <svg>, not <HealthData>',
    ],
    [
      'a CSV file',
      'date,bleeding\n2024-10-01,light\n',
      1,
      'not an Apple Health export: it does not start with XML markup',
    ],
    [
      'an empty file',
      '',
      1,
      'not an Apple Health export: the file ends before a <HealthData> element',
    ],
    [
      'UTF-16',
      Buffer.from('\ufeff<?xml version="1.0"?>', 'utf16le'),
      1,
      'not an Apple Health export: the file is UTF-16; Apple Health writes UTF-8',
    ],
    [
      'another encoding',
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<HealthData/>',
      1,
      'not an Apple Health export: the XML declaration says encoding="ISO-8859-1"; Apple Health writes UTF-8',
    ],
    [
      'another document type',
      '<?xml version="1.0"?>\n<!DOCTYPE html>\n<html></html>',
      2,
      'not an Apple Health export: the document type is "html", not HealthData',
    ],
  ])(
    '%s (with --from apple-health) is not an Apple Health export',
    async (_what, content, line, reason) => {
      const error = await rejection(content);
      expect(error.message).toBe(`export.xml:${line}: ${reason}`);
    },
  );

  test('a crafted file with more dates than any export is refused, not held in memory', async () => {
    const month = (i: number): string => {
      const year = 1000 + Math.floor(i / 12);
      const m = String((i % 12) + 1).padStart(2, '0');
      return record({
        type: 'SexualActivity',
        start: `${year}-${m}-01 00:00:00 +0000`,
        end: `${year}-${m}-28 23:00:00 +0000`,
        value: 'HKCategoryValueNotApplicable',
      });
    };
    const body = Array.from({ length: 3700 }, (_, i) => month(i)).join('');
    // Years are limited to 1900–2100, so such a file is refused at its first impossible date.
    const error = await rejection(exportXml(body));
    expect(error.message).toMatch(
      /^export\.xml:\d+: startDate "1000-01-01 .*outside the years 1900–2100$/,
    );
  });

  test('a crafted file with more profile records than any export is refused', async () => {
    const one = record({
      type: 'Contraceptive',
      start: '2024-01-01 00:00:00 +0100',
      end: '2024-02-01 00:00:00 +0100',
      value: 'HKCategoryValueContraceptivePatch',
    });
    const error = await rejection(exportXml(one.repeat(10_001)));
    expect(error.message).toBe(
      `export.xml:${FIRST_BODY_LINE + 10_000}: more than 10000 pregnancy, lactation, contraceptive and deviation records: no Health export holds that many, so this file is refused`,
    );
  });

  test('at most 20 different test results become notes on one day; the rest are counted', async () => {
    const body = Array.from({ length: 23 }, (_, i) =>
      record({
        type: 'OvulationTestResult',
        start: NOON('2024-10-02'),
        value: 'HKCategoryValueOvulationTestResultNegative',
        source: `App ${i}`,
      }),
    ).join('');
    const result = await importApple(exportXml(body));
    expect(result.log.days[0]?.notes?.split('; ')).toHaveLength(20);
    expect(result.warnings).toContainEqual({
      file: 'export.xml',
      line: FIRST_BODY_LINE + 20,
      message: '3 test results not added to notes: a day holds at most 20 different ones',
    });
  });

  test('an empty <HealthData/> export is accepted and has no days', async () => {
    const result = await importApple(
      '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US"/>\n',
    );
    expect(result.log.days).toEqual([]);
  });
});

describe('Apple Health: detection from content', () => {
  const zipHead = (name: string): Buffer => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    return Buffer.concat([header, Buffer.from(name), Buffer.alloc(64)]);
  };
  test.each<[string, Buffer, 'xml' | 'zip' | undefined]>([
    ['export.xml', Buffer.from(exportXml('')), 'xml'],
    [
      'export.xml with a byte-order mark and leading blank lines',
      Buffer.from('\ufeff\n\n' + exportXml('')),
      'xml',
    ],
    ['a head cut inside the DTD', Buffer.from(HEAD.slice(0, 120)), 'xml'],
    ['Apple zip (directory entry first)', zipHead('apple_health_export/'), 'zip'],
    ['Apple zip (export.xml first)', zipHead('apple_health_export/export.xml'), 'zip'],
    ['a re-zipped export.xml', zipHead('export.xml'), 'zip'],
    ['a zip of something else', zipHead('xl/workbook.xml'), undefined],
    [
      'another XML document',
      Buffer.from('<?xml version="1.0"?>\n<gpx version="1.1"></gpx>'),
      undefined,
    ],
    [
      'a CSV that mentions HealthData in a note',
      Buffer.from('date,notes\n2024-10-01,<HealthData\n'),
      undefined,
    ],
  ])('%s', (_what, bytes, expected) => {
    expect(looksLikeAppleHealth(bytes)).toBe(expected);
  });
});

describe('damaged records found by fuzzing', () => {
  test.each([
    ['9999-12-31', 'MenstrualFlow', 'HKCategoryValueMenstrualFlowLight'],
    ['4001-01-01', 'Contraceptive', 'HKCategoryValueContraceptiveIntrauterineDevice'],
    ['1899-12-31', 'SexualActivity', 'HKCategoryValueNotApplicable'],
  ])('a start date of %s is refused with its line, not imported', async (date, type, value) => {
    const error = await rejection(exportXml(record({ type, start: NOON(date), value })));
    expect(error.message).toContain(`:${FIRST_BODY_LINE}: startDate`);
    expect(error.message).toContain('outside the years 1900–2100');
  });

  test('an unexpected end tag is quoted briefly and on one line', async () => {
    const junk = 'x'.repeat(500) + '\n' + 'y'.repeat(500);
    const body =
      ` <Record type="HKCategoryTypeIdentifierMenstrualFlow" sourceName="H" startDate="${NOON('2025-03-01')}" endDate="${NOON('2025-03-01')}" value="HKCategoryValueMenstrualFlowLight">\n` +
      `  </Metadata${junk}>\n </Record>\n`;
    const error = await rejection(exportXml(body));
    expect(error.message).toMatch(/unexpected <\/Metadataxxx+…> inside <Record>/);
    expect(error.message).not.toMatch(/[\n\r]/);
    expect(error.message.length).toBeLessThan(200);
  });
});
