/**
 * The visit document's sections, drawn in the order of src/report/document.ts. Words only: the
 * calendar and the cycle chart are in their own files.
 */
import { tierRank } from '../../core/tiers.ts';
import type { DocumentFinding, VisitDocument } from '../../report/document.ts';
import { FAINT, INK, MUTED, RULE, type PdfLayout } from './layout.ts';
import { drawTierBadge, drawTierBar, getTierBadgeText } from './tier-marks.ts';
import { bulletUnit, drawUnits, spaceUnit, textUnit, type Unit } from './units.ts';

export function drawHeader(layout: PdfLayout, doc: VisitDocument): void {
  layout.text(doc.title, { style: 'bold', size: 17, after: 4 });
  const name = doc.summary.name ?? '______________________________';
  const age = doc.summary.age === null ? '' : `    Age: ${doc.summary.age}`;
  layout.text(`Name: ${name}${age}`, { size: 10.5, after: 2 });
  const evaluated = doc.evaluatedOn === null ? 'no evaluation date' : doc.evaluatedOn;
  layout.text(
    `Evaluated on ${evaluated} · made by ${doc.producer}, offline, from the log named below`,
    {
      size: 8.5,
      color: MUTED,
      after: 6,
    },
  );
}

export function drawWarnings(layout: PdfLayout, doc: VisitDocument): void {
  if (doc.warnings.length === 0) return;
  const units = [
    {
      ...textUnit(layout, 'Read with care: not everything in the log could be read', {
        style: 'bold',
        after: 2,
      }),
      keepWithNext: true,
    },
    ...doc.warnings.map((w) => bulletUnit(layout, w)),
  ];
  drawUnits(layout, units);
  layout.gap(4);
}

/** The headline sentence and one badge per tier with its count. */
export function drawHeadline(layout: PdfLayout, doc: VisitDocument): void {
  const { headline, headlineText } = doc.summary;
  const textHeight = layout.measure(headlineText, { style: 'bold', size: 12, indent: 10 });
  const height = textHeight + (headline.length > 0 ? 22 : 0) + 14;
  layout.ensure(height);
  const top = layout.y;
  layout.doc.rect(layout.left, top, layout.width, height).fillColor(FAINT).fill();
  layout.textAt(headlineText, layout.left + 10, top + 7, {
    style: 'bold',
    size: 12,
    indent: 10,
    width: layout.width - 20,
  });
  let x = layout.left + 10;
  for (const { tier, count } of headline) {
    x += drawTierBadge(layout, tier, x, top + 9 + textHeight) + 3;
    layout.textAt(`× ${count}`, x, top + 10 + textHeight, { size: 9, width: 30 });
    x += 30;
  }
  layout.y = top + height + 4;
}

export function drawSummary(layout: PdfLayout, doc: VisitDocument): void {
  const { person, read, cycles } = doc.summary;
  layout.heading('About you', 30, 2);
  layout.facts(person);
  layout.heading('What was read', 30, 2);
  layout.facts(read);
  layout.heading('Cycles', 30, 2);
  if (cycles === null) {
    layout.text('Fewer than two periods were logged, so no cycle length can be given.');
    return;
  }
  const days = (n: number | null): string => (n === null ? 'not known' : `${n} days`);
  layout.facts([
    { label: 'Cycles counted', value: String(cycles.counted) },
    { label: 'Average length', value: days(cycles.averageLength) },
    {
      label: 'Shortest / longest',
      value: `${days(cycles.shortest)} / ${days(cycles.longest)}`,
    },
    { label: 'Average period', value: days(cycles.averagePeriodDays) },
    { label: 'Last period began', value: cycles.lastPeriodStart ?? 'not known' },
  ]);
}

/** One line per occurrence: when, cycle day, its tier where it is not the finding's, its facts. */
function describeOccurrences(finding: DocumentFinding, doc: VisitDocument): string[] {
  return finding.occurrences.map((o) => {
    const parts = [o.when];
    if (o.cycleDay !== null) parts.push(`cycle day ${o.cycleDay}`);
    if (o.tier !== finding.tier) parts.push(doc.tiers[o.tier].word.toLowerCase());
    if (o.inProgress) parts.push('still in progress: may change as more days are logged');
    const facts = o.why.join(' ');
    return facts === '' ? parts.join(', ') : `${parts.join(', ')}: ${facts}`;
  });
}

function findingUnits(
  layout: PdfLayout,
  finding: DocumentFinding,
  doc: VisitDocument,
  indent: number,
): Unit[] {
  const badgeText = getTierBadgeText(finding.tier);
  layout.doc.font('bold').fontSize(8);
  const badgeWidth = layout.doc.widthOfString(badgeText) + 14;
  const headStyle = { style: 'bold' as const, size: 10.5, indent: indent + badgeWidth };
  const head: Unit = {
    keepWithNext: true,
    height: Math.max(layout.measure(finding.heading, headStyle), 14) + 3,
    draw: () => {
      const y = layout.y;
      drawTierBadge(layout, finding.tier, layout.left + indent, y);
      layout.textAt(finding.heading, layout.left + indent + badgeWidth, y, headStyle);
    },
  };
  const units: Unit[] = [head];
  const label = (text: string): Unit => ({
    ...textUnit(layout, text, { style: 'bold', size: 8.5, indent, color: MUTED, after: 1 }),
    keepWithNext: true,
  });
  units.push(label(finding.occurrences.length === 1 ? 'When' : 'When (each time)'));
  for (const line of describeOccurrences(finding, doc))
    units.push(bulletUnit(layout, line, { indent }));
  units.push(spaceUnit(2), textUnit(layout, finding.summary, { indent, after: 3 }));
  if (finding.why.length > 0) {
    units.push(label('Why it was flagged'));
    for (const why of finding.why) units.push(bulletUnit(layout, why, { indent }));
  }
  const notes = finding.occurrences.flatMap((o) => o.notes);
  if (notes.length > 0) {
    units.push(label('Your own notes'));
    for (const note of notes) {
      units.push(bulletUnit(layout, `${note.date}: “${note.text}”`, { indent }));
    }
  }
  const cited = finding.sources
    .map((n) => doc.sources.find((s) => s.number === n))
    .filter((s) => s !== undefined)
    .map((s) => `[${s.number}] ${s.short}`);
  if (cited.length > 0) {
    units.push(
      textUnit(layout, `Sources: ${cited.join('; ')}`, { indent, size: 8.5, color: MUTED }),
    );
  }
  return units;
}

export function drawFindings(layout: PdfLayout, doc: VisitDocument): void {
  const firstHeight = doc.findings[0] === undefined ? 20 : 40;
  layout.heading('Findings, most urgent first', firstHeight);
  if (doc.findings.length === 0) {
    layout.text(
      'No episode in this log met a flag rule. If something worries you, tell a clinician anyway.',
    );
    return;
  }
  // The builder orders findings urgent first; kept here too, since an urgent finding on page 3
  // behind an info one is the worst way this document could fail. Stable within a tier.
  const findings = [...doc.findings].sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  for (const finding of findings) {
    const units = findingUnits(layout, finding, doc, 12);
    // The heading stays with its "When" label and the first date; each label with its first line.
    drawUnits(layout, units, (top, bottom) =>
      drawTierBar(layout, finding.tier, layout.left + 2.5, top, bottom),
    );
    layout.gap(9);
  }
}

export function drawExplain(layout: PdfLayout, doc: VisitDocument): void {
  if (doc.explain === null) return;
  const groups = [
    { title: 'Checked and not flagged', items: doc.explain.notFlagged },
    { title: 'Could not be checked', items: doc.explain.notEvaluated },
  ];
  layout.heading('What was checked and not flagged', 30);
  for (const group of groups) {
    const units = [
      {
        ...textUnit(layout, group.title, { style: 'bold', size: 10.5, after: 2 }),
        keepWithNext: true,
      },
      ...(group.items.length === 0
        ? [textUnit(layout, 'Nothing.', { color: MUTED })]
        : group.items.map((item) =>
            bulletUnit(layout, item.date === null ? item.text : `${item.date}: ${item.text}`),
          )),
    ];
    drawUnits(layout, units);
    layout.gap(6);
  }
}

export function drawChecklist(layout: PdfLayout, doc: VisitDocument): void {
  const { startWith, items } = doc.checklist;
  if (startWith === '' && items.length === 0) return;
  // The builder gives the sentence; each format writes its own label, as HTML and text do.
  const start = textUnit(layout, `Start the visit with: ${startWith}`, { style: 'bold', after: 6 });
  layout.heading('For the visit: checklist', start.height + 20);
  drawUnits(layout, [start]);
  for (const item of items) {
    const lines: Unit[] = [
      textUnit(layout, item.text, { indent: 16, after: 1.5 }),
      ...item.details.map((d) => bulletUnit(layout, d, { indent: 16, color: INK })),
      ...item.quotes.map((q) =>
        bulletUnit(layout, `You wrote: ${q}`, { indent: 16, color: MUTED }),
      ),
    ];
    const height = lines.reduce((sum, unit) => sum + unit.height, 0) + 5;
    const whole: Unit = {
      height,
      draw: () => {
        const y = layout.y;
        layout.doc
          .rect(layout.left + 1, y + 1.5, 8, 8)
          .lineWidth(0.8)
          .strokeColor(INK)
          .stroke();
        for (const line of lines) {
          const top = layout.y;
          line.draw();
          layout.y = Math.max(layout.y, top + line.height);
        }
        layout.y = y + height;
      },
    };
    // An item longer than a page (many figures) is drawn line by line instead.
    if (height < layout.bottom - layout.top) drawUnits(layout, [whole]);
    else drawUnits(layout, lines);
  }
}

export function drawQuestions(layout: PdfLayout, doc: VisitDocument): void {
  if (doc.questions.length === 0) return;
  const units = doc.questions.map((q) => bulletUnit(layout, q));
  layout.heading('What the log could not tell', units[0]!.height);
  drawUnits(layout, units);
}

export function drawNotes(layout: PdfLayout, doc: VisitDocument): void {
  if (doc.notes.length === 0) return;
  const units = doc.notes.map((n) =>
    bulletUnit(layout, n.date === null ? n.text : `${n.date}: ${n.text}`),
  );
  layout.heading('Other notes', units[0]!.height);
  drawUnits(layout, units);
}

export function drawSources(layout: PdfLayout, doc: VisitDocument): void {
  if (doc.sources.length === 0) return;
  const units = doc.sources.map((s): Unit => {
    const body = textUnit(layout, s.title, { indent: 22, size: 8.5 });
    const urls = s.urls.map((u) => textUnit(layout, u, { indent: 22, size: 8, color: MUTED }));
    const height = body.height + urls.reduce((sum, u) => sum + u.height, 0) + 3;
    return {
      height,
      draw: () => {
        const y = layout.y;
        layout.textAt(`[${s.number}]`, layout.left, y, { size: 8.5, width: 22 });
        layout.y = y;
        for (const part of [body, ...urls]) {
          const top = layout.y;
          part.draw();
          layout.y = Math.max(layout.y, top + part.height);
        }
        layout.y = y + height;
      },
    };
  });
  layout.heading('Sources', units[0]!.height);
  drawUnits(layout, units);
}

export function drawDisclaimer(layout: PdfLayout, doc: VisitDocument): void {
  const style = { size: 9, indent: 8, width: layout.width - 16 };
  const height = layout.measure(doc.disclaimer, style) + 12;
  layout.gap(14);
  layout.ensure(height);
  const top = layout.y;
  layout.doc.rect(layout.left, top, layout.width, height).lineWidth(0.8).strokeColor(RULE).stroke();
  layout.textAt(doc.disclaimer, layout.left + 8, top + 6, style);
  layout.y = top + height;
}
