import { describe, expect, it } from 'vitest';
import { TIERS } from '../../src/core/tiers.ts';
import { TEXT_COLOR_PAIRS, escapeHtml, formatHtmlReport } from '../../src/render/html.ts';
import { RULE_IDS } from '../../src/core/rules/ids.ts';
import { formatDateSpan } from '../../src/report/date-words.ts';
import { RULE_TEXT } from '../../src/report/rule-text.ts';
import { getSource } from '../../src/report/sources.ts';
import { DISCLAIMER, TIER_LABEL, TIER_WORD } from '../../src/report/tier-labels.ts';
import type { Report } from '../../src/report/types.ts';
import { allElements, attr, byTag, hasClass, parseHtml, textOf, type Element } from './html-dom.ts';
import {
  ODD_COLOUR,
  ODD_FILE,
  SCRIPT_NOTE,
  makeReport,
  makeSixMonthLog,
} from './report-fixture.ts';

const report = makeReport();
const log = makeSixMonthLog();
const html = formatHtmlReport(report, log);
const { document, errors } = parseHtml(html);
const elements = allElements(document);
const text = textOf(document);
const main = byTag(document, 'main')[0]!;
const mainText = textOf(main);

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}

/** The calendar cell of a date, found by its screen-reader description. */
function calendarCell(dayAndMonth: string): Element {
  const cell = byTag(document, 'td').find((td) =>
    byTag(td, 'span').some((s) => hasClass(s, 'sr') && textOf(s).startsWith(`${dayAndMonth}:`)),
  );
  if (!cell) throw new Error(`no calendar cell for ${dayAndMonth}`);
  return cell;
}

function visibleMarkers(cell: Element): { markers: string; tier: string } {
  const span = (cls: string): string =>
    byTag(cell, 'span')
      .filter((s) => hasClass(s, cls))
      .map(textOf)
      .join('');
  return { markers: span('mk'), tier: span('t') };
}

describe('formatHtmlReport: a valid, self-contained document', () => {
  it('parses without errors', () => {
    expect(errors).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('has no scripts, no embedded or linked resources and no event handlers', () => {
    for (const tag of [
      'script',
      'link',
      'img',
      'iframe',
      'object',
      'embed',
      'base',
      'form',
      'image',
      'use',
    ]) {
      expect(byTag(document, tag), tag).toEqual([]);
    }
    for (const el of elements) {
      for (const a of el.attrs) {
        expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
        expect(
          ['src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'data'],
          a.name,
        ).not.toContain(a.name);
      }
    }
  });

  it('links only to fragments that exist in the document', () => {
    const ids = new Set(elements.map((e) => attr(e, 'id')).filter(Boolean));
    const hrefs = elements.map((e) => attr(e, 'href')).filter((h): h is string => h !== undefined);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(/^#/);
      expect(ids.has(href.slice(1)), href).toBe(true);
    }
  });

  it('has unique ids', () => {
    const ids = elements.map((e) => attr(e, 'id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps its CSS inline and free of imports and external URLs', () => {
    const css = byTag(document, 'style').map(textOf).join('\n');
    expect(css).not.toMatch(/@import/i);
    expect(css).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/url\(/i);
    for (const el of elements) expect(attr(el, 'style') ?? '').not.toMatch(/url\(/i);
  });

  it('prints cleanly: page rules, no tables or flags cut across pages, repeated table headers', () => {
    const css = byTag(document, 'style').map(textOf).join('\n');
    expect(css).toMatch(/@page\s*\{/);
    expect(css).toMatch(/@media print/);
    expect(css).toMatch(/thead\s*\{\s*display: table-header-group;\s*\}/);
    expect(css).toMatch(/\.month\s*\{[^}]*break-inside: avoid/);
    expect(css).toMatch(/\.flag\s*\{[^}]*break-inside: avoid/);
    expect(css).toMatch(/\btr\s*\{\s*break-inside: avoid/);
    // The tier colours are defined once, as variables the style sheet uses.
    expect(css).toMatch(/--urgent: #a11d21;/);
    expect(css.match(/#a11d21/g)).toHaveLength(1);
    expect(css).toMatch(/print-color-adjust: exact/);
  });
});

describe('formatHtmlReport: accessible', () => {
  it('declares its language and title', () => {
    expect(attr(byTag(document, 'html')[0]!, 'lang')).toBe('en');
    expect(textOf(byTag(document, 'title')[0]!)).toContain('2025-01-01 to 2025-06-30');
  });

  it('has one h1 and never skips a heading level', () => {
    const headings = elements
      .filter((e) => /^h[1-6]$/.test(e.tagName))
      .map((e) => Number(e.tagName[1]));
    expect(headings.filter((l) => l === 1)).toHaveLength(1);
    headings.reduce((prev, level) => {
      expect(level).toBeLessThanOrEqual(prev + 1);
      return level;
    }, 0);
  });

  it('scopes every table header', () => {
    const ths = byTag(document, 'th');
    expect(ths.length).toBeGreaterThan(0);
    for (const th of ths) expect(['col', 'row']).toContain(attr(th, 'scope'));
  });

  it('gives every calendar a caption and the chart a title and description', () => {
    const months = byTag(document, 'table').filter((t) => hasClass(t, 'month'));
    expect(months.map((t) => textOf(byTag(t, 'caption')[0]!))).toEqual([
      'January 2025',
      'February 2025',
      'March 2025',
      'April 2025',
      'May 2025',
      'June 2025',
    ]);
    const svg = byTag(document, 'svg')[0]!;
    expect(attr(svg, 'role')).toBe('img');
    const ids = (attr(svg, 'aria-labelledby') ?? '').split(' ');
    expect(ids).toHaveLength(2);
    const labelText = ids
      .map((id) => textOf(elements.find((e) => attr(e, 'id') === id)!))
      .join(' ');
    for (const p of report.periods.slice(0, -1))
      expect(labelText).toContain(`${p.start}: ${p.cycle_length} days`);
  });

  it.each(TEXT_COLOR_PAIRS.map((p) => [p.name, p.fg, p.bg] as const))(
    '%s text (%s on %s) has contrast of at least 4.5:1',
    (_name, fg, bg) => {
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('hides decorative calendar markers from screen readers and describes each day instead', () => {
    const cell = calendarCell('12 March 2025');
    for (const span of byTag(cell, 'span').filter((s) => !hasClass(s, 'sr'))) {
      expect(attr(span, 'aria-hidden')).toBe('true');
    }
    expect(textOf(cell)).toContain('12 March 2025: spotting, sex, flagged soon: ');
    expect(textOf(cell)).toContain(`note: “${SCRIPT_NOTE}”`);
  });
});

describe('formatHtmlReport: content', () => {
  it.each(report.flags.map((f) => [f.rule, f] as const))(
    'shows the flag %s by its title with tier, dates, cycle day and numbered sources',
    (rule, flag) => {
      const article = byTag(main, 'article').find((a) =>
        textOf(byTag(a, 'h4')[0]!).includes(RULE_TEXT[rule].title),
      );
      expect(article).toBeDefined();
      const t = textOf(article!);
      expect(t).toContain(TIER_WORD[flag.tier]);
      expect(t).toContain(formatDateSpan(flag.start, flag.end, 2025));
      expect(t).toContain(`cycle day ${flag.cycle_day}`);
      expect(t).toContain(flag.summary);
      for (const why of flag.why) expect(t).toContain(why);
      expect(t).toMatch(/Sources: (\[\d+\] ?)+\s*$/);
      expect(t).not.toContain(rule);
      expect(hasClass(article!, flag.tier)).toBe(true);
    },
  );

  it('groups findings by tier, most urgent first', () => {
    const positions = TIERS.map((t) => mainText.indexOf(TIER_LABEL[t]));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has no rule id or checklist code in its text', () => {
    const words = textOf(byTag(document, 'body')[0]!).replace(/https?:\/\/\S+/g, '');
    for (const rule of RULE_IDS) expect(words).not.toContain(rule);
    expect(words).not.toMatch(/\bK\d{1,2}\b|\bX-[A-Z]|\bS\d\b/);
  });

  it('puts who, what was read, the cycle summary and the headline in the header', () => {
    const header = textOf(byTag(document, 'header')[0]!);
    expect(header).toContain('Name:');
    expect(byTag(document, 'span').some((e) => hasClass(e, 'blank'))).toBe(true);
    expect(header).toContain('Age: 34');
    expect(header).toContain('Average cycle28.6 days');
    expect(header).toContain('Shortest / longest28 / 29 days');
    expect(header).toContain('Last period start2025-05-26');
    expect(header).toContain('5 findings: 1 urgent, 2 soon, 1 next visit, 1 info.');
    for (const w of report.warnings) expect(header).toContain(`${w.file}:${w.line}: ${w.message}`);
  });

  it.each(report.checklist.map((c) => [c.code, c] as const))(
    'lists checklist item %s with its details',
    (_code, item) => {
      const li = byTag(main, 'li').find((e) => textOf(e).startsWith(item.text));
      expect(li).toBeDefined();
      const t = textOf(li!);
      for (const detail of item.details) expect(t).toContain(detail);
    },
  );

  it('lists every period in the cycle table', () => {
    const table = byTag(main, 'table').find((t) => hasClass(t, 'data'))!;
    const rows = byTag(byTag(table, 'tbody')[0]!, 'tr').map((tr) =>
      [...byTag(tr, 'th'), ...byTag(tr, 'td')].map(textOf),
    );
    expect(rows).toEqual(
      report.periods.map((p, i) => [
        String(i + 1),
        p.start,
        p.end,
        String(p.days),
        p.cycle_length === null ? '— (latest)' : String(p.cycle_length),
      ]),
    );
  });

  it('shows the profile, notes, questions, sources by name and the disclaimer', () => {
    expect(text).toContain(ODD_FILE);
    expect(text).toContain('2025-06-01 to 2025-06-05');
    for (const n of report.app_notes) expect(mainText).toContain(n.text);
    for (const q of report.questions) expect(mainText).toContain(q.message);
    const sources = byTag(main, 'ol').find((o) => hasClass(o, 'sources'))!;
    for (const tag of new Set(report.flags.flatMap((f) => f.sources))) {
      const li = byTag(sources, 'li').find((e) => textOf(e).includes(getSource(tag).title));
      expect(li, tag).toBeDefined();
      expect(attr(li!, 'id')).toMatch(/^src-\d+$/);
      for (const url of getSource(tag).urls) expect(textOf(li!)).toContain(url);
    }
    expect(textOf(byTag(document, 'footer')[0]!)).toBe(DISCLAIMER);
  });

  it('shows what was set aside only with --explain, and the rule ids only there', () => {
    for (const n of report.not_flagged) expect(mainText).not.toContain(n.reason);
    const explained = formatHtmlReport(report, log, { explain: true });
    const t = textOf(parseHtml(explained).document);
    for (const n of report.not_flagged) expect(t).toContain(n.reason);
    for (const n of report.not_evaluated) expect(t).toContain(n.reason);
  });

  it('prints text from the input as text, never as markup', () => {
    expect(html).not.toContain(SCRIPT_NOTE);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mainText).toContain(SCRIPT_NOTE);
    expect(mainText).toContain(ODD_COLOUR);
  });

  it('strips terminal escapes and line breaks from input text', () => {
    const nasty: Report = {
      ...report,
      warnings: [{ file: 'a\u001b[31mb\nc.csv', message: 'x\u202ey' }],
    };
    const out = textOf(parseHtml(formatHtmlReport(nasty, log)).document);
    expect(out).toContain('ab c.csv: xy');
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
  });
});

describe('formatHtmlReport: calendar', () => {
  it.each([
    ['12 March 2025', 'sxn', '!!', 't-soon'], // n: the note logged that day
    ['28 April 2025', 'Hp', '!!!', 't-urgent'],
    ['27 April 2025', 'HP', '!', 't-next-visit'],
    ['14 February 2025', 's', 'i', 't-info'],
    ['3 June 2025', '-', '', 'f-u'],
    ['20 June 2025', 'o', '!!', 'f-o'],
    ['12 June 2025', 'x', '', 'd'],
    ['4 January 2025', 'H', '', 'f-H'],
  ])('%s shows %j with tier %j', (day, markers, tier, cls) => {
    const cell = calendarCell(day);
    expect(visibleMarkers(cell)).toEqual({ markers, tier });
    expect(hasClass(cell, cls)).toBe(true);
  });

  it('explains every marker in a legend that pairs symbols with words', () => {
    const legend = byTag(main, 'ul').find((u) => hasClass(u, 'legend'))!;
    const t = textOf(legend);
    for (const words of [
      'Hheavy flow',
      'Mmedium flow',
      'Llight flow',
      'sspotting',
      'xsex',
      'pcramps or pelvic pain',
      'Psevere pain',
      '-not tracked',
      '!!!flagged: urgent',
      '!!flagged: soon',
      '!flagged: next visit',
      'iflagged: info',
      'na note you wrote',
    ]) {
      expect(t).toContain(words);
    }
  });

  it('still renders a document for an empty log', () => {
    const empty: Report = {
      ...report,
      as_of: null,
      input: { ...report.input, first_date: null, last_date: null, days_logged: 0 },
      periods: [],
      flags: [],
      checklist: [],
      not_flagged: [],
    };
    const out = formatHtmlReport(empty, { profile: {}, days: [] });
    const parsed = parseHtml(out);
    expect(parsed.errors).toEqual([]);
    expect(textOf(parsed.document)).toContain('No logged days to show.');
    expect(textOf(parsed.document)).toContain('No periods were found in this log.');
  });
});

describe('escapeHtml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});
