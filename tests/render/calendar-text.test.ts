import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatTextCalendar } from '../../src/render/calendar-text.ts';
import { buildVisitDocument } from '../../src/report/build-document.ts';
import type { Report } from '../../src/report/types.ts';
import { makeReport, makeSixMonthLog } from './report-fixture.ts';

const plain = new Chalk({ level: 0 });
const report = makeReport();
const log = makeSixMonthLog();

function render(width: number, months?: number, r: Report = report): string[] {
  return formatTextCalendar(buildVisitDocument(r, log, { calendarMonths: months }), {
    chalk: plain,
    width,
  })
    .trimEnd()
    .split('\n');
}

/** The two lines of a day cell: "dd" + flow + sex, then pain + tier (4 columns each). */
function findCell(
  lines: string[],
  monthTitle: string,
  day: number,
  row1Pattern: RegExp,
): [string, string] {
  const titleLine = lines.findIndex((l) => l.includes(monthTitle));
  const monthColumn = lines[titleLine]!.indexOf(monthTitle);
  for (let i = titleLine + 2; i < lines.length - 1; i += 2) {
    const line = lines[i]!;
    const re = new RegExp(row1Pattern.source, 'g');
    for (const m of line.matchAll(re)) {
      const col = m.index;
      // the cell must belong to this month's block (within 34 columns of its title area)
      if (Number(m[0].slice(0, 2)) !== day || Math.abs(col - monthColumn) > 34) continue;
      return [line.slice(col, col + 4).padEnd(4), (lines[i + 1] ?? '').slice(col, col + 4)];
    }
  }
  throw new Error(`day ${day} of ${monthTitle} not found`);
}

describe('formatTextCalendar', () => {
  it.each([80, 72, 100, 120])('keeps every line within %i columns', (width) => {
    for (const line of render(width)) expect(line.length).toBeLessThanOrEqual(width);
  });

  it('puts two months side by side at 80 columns and three at 120', () => {
    expect(render(80).find((l) => l.includes('January 2025'))).toContain('February 2025');
    expect(render(80).find((l) => l.includes('January 2025'))).not.toContain('March 2025');
    expect(render(120).find((l) => l.includes('January 2025'))).toContain('March 2025');
  });

  it('stacks months when two do not fit', () => {
    const lines = render(40);
    expect(lines.find((l) => l.includes('January 2025'))).not.toContain('February');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it.each([
    ['March 2025', 12, /\b12sx/, '12sx', '  !!'],
    ['March 2025', 13, /\b13L /, '13L ', '  !!'],
    ['April 2025', 28, /\b28H /, '28H ', 'p!!!'],
    ['April 2025', 27, /\b27H/, '27H ', 'P  !'],
    ['February 2025', 14, /\b14s /, '14s ', '   i'],
    ['June 2025', 3, / 3- /, ' 3- ', '    '],
    ['June 2025', 20, /\b20o /, '20o ', '  !!'],
    ['June 2025', 12, /\b12 x/, '12 x', '    '],
  ])('%s %i shows %j over %j', (month, day, pattern, row1, row2) => {
    const lines = render(80);
    const [a, b] = findCell(lines, month, day, pattern);
    expect(a).toBe(row1);
    expect(b.padEnd(4)).toBe(row2);
  });

  it('explains every marker in the key', () => {
    const text = render(80).join('\n');
    for (const key of [
      'H heavy',
      'M medium',
      'L light',
      's spotting',
      'x sex',
      'p cramps',
      'P severe',
      '- not tracked',
      '!!! urgent',
      '!! soon',
      '! next visit',
      'i info',
    ]) {
      expect(text).toContain(key);
    }
  });

  it('adds colour only on top of the same text', () => {
    const coloured = formatTextCalendar(buildVisitDocument(report, log), {
      chalk: new Chalk({ level: 1 }),
      width: 80,
    });
    expect(coloured).toContain('\u001b[');
    expect(stripVTControlCharacters(coloured)).toBe(
      formatTextCalendar(buildVisitDocument(report, log), { chalk: plain, width: 80 }),
    );
  });

  it('limits the months shown', () => {
    const text = render(80, 1).join('\n');
    expect(text).toContain('June 2025');
    expect(text).not.toContain('May 2025');
  });

  it('says so when there is nothing to show', () => {
    const empty: Report = {
      ...report,
      as_of: null,
      input: { ...report.input, first_date: null, last_date: null, days_logged: 0 },
    };
    expect(
      formatTextCalendar(buildVisitDocument(empty, { profile: {}, days: [] }), {
        chalk: plain,
        width: 80,
      }),
    ).toMatch(/No logged days/);
  });
});
