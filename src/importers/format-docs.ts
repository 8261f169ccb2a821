/**
 * What `cyclecheck formats` prints: for each format, how to get the file out of the app, what
 * cyclecheck takes from it, what it leaves out, and every mapping choice made where the app's
 * data does not fit the canonical log one to one. Kept next to the importers so that a change in
 * a mapping is a change here too.
 */
import type { FormatId } from '../log/import-contract.ts';

/** Exports recognised by their shape that cyclecheck cannot read yet, and what to do instead. */
export const KNOWN_UNSUPPORTED: readonly { name: string; why: string }[] = [
  {
    name: 'Samsung Health (com.samsung.health.*.csv)',
    why: 'the value scales and symptom codes are not documented and no sample has been seen',
  },
  {
    name: 'Garmin Connect (DI_CONNECT … _MenstrualCycles.json)',
    why: 'cycle lengths only, no day-by-day bleeding, sex or symptoms',
  },
  {
    name: 'Withings Health Mate (other.csv)',
    why: 'period days only, with an unknown value scale',
  },
  {
    name: 'Natural Cycles',
    why: 'no data export, only a PDF report; it can share periods with Apple Health or Health Connect, which cyclecheck reads',
  },
];

export type Confidence = 'high' | 'medium' | 'low';

export interface FormatDoc {
  id: FormatId;
  name: string;
  files: string[];
  /** How sure the field tables are (Flo's are inferred, not confirmed). */
  confidence: Confidence;
  experimental: boolean;
  /** Where to find the export in the app, menu by menu. */
  export: string;
  mapped: string[];
  dropped: string[];
  /** Choices made where the app's data and the canonical log do not match one to one. */
  choices: string[];
}

const AGE_MENOPAUSE =
  'Age and menopause status are not in the export: the report asks for them (--age or --birth-date, --menopause).';

export const FORMAT_DOCS: readonly FormatDoc[] = [
  {
    id: 'csv',
    name: 'cyclecheck CSV log',
    files: ['*.csv'],
    confidence: 'high',
    experimental: false,
    export:
      'Written by you (any spreadsheet, saved as CSV UTF-8), by `cyclecheck convert`, or by the interview. Profile facts go in comment lines at the top, such as "# age: 34".',
    mapped: [
      'every canonical column (date, bleeding, period, sex, cramps, … notes)',
      'common names for them (Flow, Menstruation, Intercourse, Cramping, Temp, …; each named in a warning)',
      'any other column you map with --column NAME=FIELD or a "# columns: NAME=FIELD" line',
    ],
    dropped: [
      'unknown columns (named in a warning)',
      'basal body temperature (never a fever reading)',
    ],
    choices: [
      'a log with no column about bleeding is refused, never reported as "no flags"',
      'dates: YYYY-MM-DD, YYYY-M-D, date-times (the date part), DD.MM.YYYY; 01/09/2026 decided by the whole column or --date-format dmy|mdy',
      'a file that is not UTF-8 is read as Windows-1252 (Excel on Windows), with a warning; UTF-16 with a byte order mark is read',
    ],
  },
  {
    id: 'json',
    name: 'cyclecheck JSON log',
    files: ['*.json'],
    confidence: 'high',
    experimental: false,
    export:
      'Written by you, by `cyclecheck convert --to json`, or by the interview: {"format": "cyclecheck-log/1", "profile": {…}, "days": […]}, or a bare array of day objects.',
    mapped: ['every canonical field and profile key'],
    dropped: ['unknown keys (named in a warning)'],
    choices: [],
  },
  {
    id: 'apple-health',
    name: 'Apple Health',
    files: ['export.zip', 'export.xml'],
    confidence: 'high',
    experimental: false,
    export:
      'iPhone Health app → your profile picture (top right) → Export All Health Data → share or save export.zip. Give cyclecheck the zip itself, or the export.xml inside it.',
    mapped: [
      'Menstrual Flow / Vaginal Bleeding (before and after iOS 18) → bleeding; "unspecified" → light; the cycle-start mark → period',
      'Spotting (intermenstrual bleeding) → bleeding: spotting',
      'Sexual Activity → sex',
      'Abdominal Cramps → cramps, Pelvic Pain → pelvic_pain (unspecified → mild)',
      'Bleeding During/After Pregnancy → bleeding',
      'Pregnancy → profile pregnancy interval; Contraceptive → profile contraception',
      'Cervical mucus → discharge: normal (dry → none)',
      'Fever → fever; Dizziness and Fainting → dizzy',
      'Ovulation, pregnancy and progesterone test results → notes, with their source',
      'Date of birth (the Me record) → profile birth_date',
      'Lactation → an app note (breastfeeding can pause periods), not a pregnancy',
      'Apple\'s own findings (persistent spotting, irregular, prolonged or infrequent cycles) → shown as "Apple Health noted …"',
    ],
    dropped: [
      'heart rate, steps, sleep, workouts and everything that is not a cycle record',
      'symptoms no rule uses (headache, lower back pain, breast pain, vaginal dryness, …): counted',
    ],
    choices: [
      'The day of a record is the local date of its start time, as the phone showed it; a record spanning midnight covers each date it touches.',
      'Apple records "IUD" without saying copper or hormonal: the report asks (--contraception copper-iud@DATE or hormonal-iud@DATE).',
      'The pregnancy week is not in the export: the report asks for it.',
      'Contraceptive "Oral" becomes combined pill and the report asks which pill; "Unspecified" becomes other (nothing is excused) and the report asks which method.',
      "A record ending after the export date (or in Apple's year 4001) is still ongoing.",
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'drip',
    name: 'drip',
    files: ['drip-data.csv'],
    confidence: 'high',
    experimental: false,
    export: 'drip app → Settings → Data → Export data → save or share drip-data.csv.',
    mapped: [
      'bleeding.value 0/1/2/3 → bleeding spotting/light/medium/heavy',
      'bleeding.exclude: a bleeding day not excluded → period: yes; excluded ("not menstrual") → period left unset (no)',
      'sex.partner → sex',
      'pain.cramps → cramps: mild (drip has no severity)',
      'mucus.texture 1 (creamy) or 2 (egg white) → discharge: normal',
      'note.value → notes; sex.note and pain.note → notes, prefixed "sex:" and "pain:"',
      'sex.iud / sex.implant / sex.ring / sex.patch → profile contraception, in use for the whole log, without dates',
    ],
    dropped: [
      'temperature.* (basal temperature, never fever)',
      'mucus feeling and value, cervix (fertility signs)',
      'desire, mood.*',
      'sex.solo (not partner sex); sex.condom, sex.diaphragm, sex.none, sex.other (per act, not a profile fact)',
      'pain kinds other than cramps (ovulation pain, headache, backache, nausea, tender breasts, migraine, other)',
      'columns added by newer drip versions (e.g. bleeding.pad): named in a warning with counts',
    ],
    choices: [
      'Every row is a logged day, so a row without bleeding says "no bleeding that day".',
      'sex.iud says IUD without the type: the report asks for copper or hormonal.',
      'sex.pill does not say which pill: it is not added to the profile; the report asks (--contraception combined-pill@START or progestogen-pill@START).',
      'Methods seen only on sex days are taken as in use for the whole log and never get an invented start date (an invented insertion date would open a settling window that downgrades flags); the report asks for the dates.',
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'clue',
    name: 'Clue',
    files: ['measurements.json', 'the Clue download zip'],
    confidence: 'medium',
    experimental: false,
    export:
      'Clue app → Profile → Settings → Privacy → request your data ("Download my data"); Clue sends a download with several files: give cyclecheck the zip as it came, or the measurements.json in it.',
    mapped: [
      'period light/medium/heavy → bleeding (very_heavy → heavy) and period: yes',
      'spotting → bleeding: spotting; its colour (red, brown) → blood_color',
      'sex_life → sex, for any option except no sex, masturbation and sex-drive options',
      'pain: period_cramps → cramps: mild',
      'discharge: atypical → unusual; sticky, creamy, egg white, watery → normal; none → none',
    ],
    dropped: [
      'other pain kinds (headache, lower back, tender breasts, ovulation, migraine)',
      'feelings, energy, mind, sleep, exercise, digestion, skin, hair, cravings, tags and the other tracking categories',
      'bbt (basal temperature, never fever), tests',
      'birth_control_pill (the report asks which pill instead), other birth control categories',
      'types cyclecheck does not know: named in a warning with counts',
    ],
    choices: [
      'Clue has no cycle-start mark: periods come from consecutive period days.',
      'A period record with an unknown option is kept as a light period day (and the option is named in a warning).',
      'Any date with a record is a logged day.',
      'Older Clue backups (.cluedata) have a different shape and are not read; export again from the app.',
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'mensinator',
    name: 'Mensinator',
    files: ['mensinator_YYYYMMDD_NNNN.json'],
    confidence: 'high',
    experimental: false,
    export: 'Mensinator app → Settings → Export data → save the JSON file.',
    mapped: [
      'periods (one row per period day) → bleeding and period: yes; the amount from the Heavy_Flow / Medium_Flow / Light_Flow symptom of that day',
      'symptoms you created, matched by name (any case, _ or - as spaces): spotting; sex, intercourse; cramps; pelvic pain; pain during sex, painful sex; discharge, unusual/abnormal discharge; odor/odour; fever; painful or burning urination; dizzy, dizziness, fainting',
    ],
    dropped: ['ovulations', 'every other symptom name: each named in a warning with its count'],
    choices: [
      'A period day without a flow symptom is taken as light (the lowest flow), so that it still counts as a period day.',
      'A symptom called just "discharge" is taken as normal discharge; name it "unusual discharge" for the red flag.',
      'Pain during sex also sets sex on that day.',
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'periodical',
    name: 'Periodical',
    files: ['Periodical-backup.json.gz', 'Periodical-backup.json'],
    confidence: 'high',
    experimental: false,
    export:
      'Periodical app → menu → Backup → choose a folder; the backup is Periodical-backup.json.gz in the folder de.arnowelzel.android.periodical. The unpacked .json works too.',
    mapped: [
      'period start and period days → bleeding and period: yes; intensity 1 → light, 2 and 3 → medium, 4 (strong) → heavy',
      'symptom 1 intercourse → sex; 2 cramps → cramps: mild; 19 spotting → bleeding: spotting; 9 intense bleeding → heavy',
      'symptom 8 discharge → normal; 7 thrush/candida → unusual discharge; 13 fainting → dizzy',
      'notes → notes',
    ],
    dropped: [
      'temperature (basal, never fever), cervix/mucus values',
      'symptoms 3–6, 10–12, 14–17, 20–23 (back pain, middle pain, breast pain, pimples, bloating, mood, nausea, cravings, headache, tiredness, …)',
      'symptom 18 contraceptive pill: the report asks which pill instead',
      'options (app settings)',
    ],
    choices: [
      'Intensity 1 on a day marked as period is light, not spotting: Periodical records spotting separately (symptom 19), and calling a marked period day spotting would split the period.',
      'The file is decompressed with a size limit (64 MB) so a crafted file cannot exhaust memory.',
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'flo',
    name: 'Flo',
    files: ['the .json file in the archive Flo support sends'],
    confidence: 'low',
    experimental: true,
    export:
      'Flo app → Profile → Help/Settings → ask Flo support for a copy of your data; Flo emails a password-protected archive: give cyclecheck the .json file in it (not res.txt).',
    mapped: [
      'cycles: every day from period_start_date to period_end_date → period: yes, bleeding from period_intensity (1 light, 2 medium, 3 heavy; missing → light)',
      'Sex/Protected, Sex/Unprotected, SexProtected … → sex (not sex-drive or no-sex events)',
      'Symptom DrawingPain, AbdominalPain, Cramps → cramps: mild; PelvicPain → pelvic_pain: mild; PainDuringSex → pain_during_sex; Fever, Dizziness',
      'Fluid/Spotting (or a Spotting category) → bleeding: spotting; Fluid eggwhite/creamy/sticky/watery → discharge: normal; unusual kinds → unusual',
      'notes → notes',
      'a cycle marked pregnant → profile pregnancy, dated from that period (due = period start + 280 days), ending before the next recorded period',
    ],
    dropped: [
      'Mood, Ovulation, tests, Medication, Weight, Water, Sleep, Temperature and other trackers',
      'other symptoms (headache, acne, bloating, …)',
      'pill events: the report asks which pill instead',
      'every category or section cyclecheck does not know: named in a warning with counts',
    ],
    choices: [
      'Experimental: Flo does not document this export and public parsers disagree on its category names; check the import summary.',
      "An event's day is its local_date when present, else the date part of date.",
      'The pregnancy dating from the last period is an estimate: the report asks for the week or due date.',
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'health-connect',
    name: 'Android Health Connect',
    files: ['Health Connect.zip', 'health_connect_export.db'],
    confidence: 'high',
    experimental: false,
    export:
      'Android 14 or later: 1. Settings → Security & privacy → Privacy controls → Health Connect (or search Settings for "Health Connect"). 2. Manage data → Backup and restore → Scheduled export. 3. Choose Daily, Weekly or Monthly and a cloud folder (e.g. Google Drive). 4. The phone writes the file at night while charging: download "Health Connect.zip" from that folder. Give cyclecheck the zip itself, or the health_connect_export.db inside it. Your cycle app must be allowed to write Menstruation data to Health Connect (Health Connect → App permissions).',
    mapped: [
      'menstruation flow 1/2/3 → bleeding light/medium/heavy and period: yes; amount unknown (0) → light',
      'menstruation period intervals → period: yes on every day; a period day without a flow record → bleeding: light (assumed, counted)',
      'intermenstrual bleeding → bleeding: spotting (not a period day)',
      'sexual activity → sex; protected/unprotected → notes',
      'cervical mucus "unusual" → discharge: unusual; any other appearance → normal',
      'body temperature → temperature (38.0 °C or more is fever; the highest reading of the day)',
      'ovulation test results → notes',
      'the apps that wrote the records: named in the import summary, and in a warning when several are merged',
    ],
    dropped: [
      "basal body temperature (never fever), menstrual cycle phase (an app's estimate)",
      'heart rate, steps, sleep and every other Health Connect table: never read',
    ],
    choices: [
      'Health Connect has no record type for pain, pregnancy or contraception: the report asks for them (--contraception, --pregnancy), and `cyclecheck interview --log` asks too.',
      'The day of a record is the local date Health Connect stored (local_date), with no time-zone conversion; a period ends on the local date of its end time minus 1 ms, and is cut at 15 days.',
      'An app that stores whole days as 00:00 UTC with a time zone west of Greenwich gets a warning: its dates may be one day early; they are kept as stored.',
      'Records from several apps on one day merge like duplicate rows: the highest amount, and yes wins.',
      "The file is read by cyclecheck's own read-only SQLite reader: no SQL from the file is run, a view or trigger under a cycle table's name is refused, columns are picked by name. A zip's database is unpacked to a private temporary file (mode 0600) that is always removed.",
      'An export without a single cycle record is refused rather than reported as "no flags".',
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'fitbit',
    name: 'Fitbit (Google Takeout)',
    files: ['takeout-*.zip', 'Menstrual Health/ (folder)', 'menstrual_health_*.csv'],
    confidence: 'medium',
    experimental: false,
    export:
      '1. Go to takeout.google.com signed in with the Google account your Fitbit uses. 2. Deselect all → tick Fitbit → Next step → Create export. 3. Download the zip(s) Google emails (large exports come as takeout-…-001.zip, -002.zip…). Give cyclecheck the zip, the unzipped Takeout/Fitbit/Menstrual Health folder, or a CSV in it. An older Fitbit account archive (fitbit.com → Settings → Data export) has the same Menstrual Health folder.',
    mapped: [
      "menstrual_health_cycles.csv rows you logged (period_source manual): every day from period_start_date to period_end_date → period: yes; bleeding from that day's flow, else light (assumed, counted)",
      'menstrual_health_symptoms.csv flow spotting/light/medium/heavy → bleeding',
      'conditions containing cramps → cramps: mild (Fitbit records no severity)',
      'sex (any value) → sex; the value (protected, unprotected) → notes',
      'fluids containing "unusual" → discharge: unusual; other fluids → normal',
      'ovulation_test → notes; cycle_altering_event → notes and a question (pregnancy or emergency contraception?)',
      'menstrual_health_birth_control.csv → profile contraception with its start and stop dates; an IUD without its kind asks copper or hormonal; a pill asks which pill',
    ],
    dropped: [
      'cycles Fitbit predicted (period_source computed): skipped and counted',
      'other conditions (bloated, headache, …), mood, the settings file',
      'every other Fitbit product in the Takeout zip: never inflated',
    ],
    choices: [
      'Cells holding the literal null are empty; multi-valued cells are split at " & ".',
      'Spotting logged outside a logged period is not a period day.',
      'A logged period longer than 15 days is cut at 15, with a warning.',
      'Files with only predictions are refused rather than reported as "no flags".',
      AGE_MENOPAUSE,
    ],
  },
  {
    id: 'clue-backup',
    name: 'Clue backup (.cluedata)',
    files: ['ClueBackup-YYYY-MM-DD.cluedata'],
    confidence: 'medium',
    experimental: false,
    export:
      'Older Clue app versions only: Clue → Settings → Backup → the .cluedata file it saved (e.g. ClueBackup-2021-06-30.cluedata). Today\'s Clue offers "Download my data" instead (see Clue).',
    mapped: [
      'period light/medium/heavy → bleeding and period: yes',
      'period spotting → bleeding: spotting (not a period day)',
    ],
    dropped: [
      'every other key of a day (tags and categories whose meaning is not public): named in a warning with counts',
      'the settings, averages and environment blocks',
    ],
    choices: [
      "A day is written as midnight UTC standing for a calendar date: its first ten characters are the date, never shifted by the backup's time zone.",
      'An unknown period value still marks a bleeding day (light), with a warning.',
      AGE_MENOPAUSE,
    ],
  },
];
