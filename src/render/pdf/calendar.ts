/**
 * Month calendars for the months that hold flags, two months to a row, each row kept whole on a
 * page. A day shows its markers as letters (H M L s o x p P -) and the tier symbol of its most
 * urgent flag inside a frame in the tier's line style, so a black-and-white printout keeps all of
 * it; the shading only repeats what the letters say.
 */
import type { VisitDocument } from '../../report/document.ts';
import { getDayMarkers, type CalendarDay, type CalendarMonth } from '../../report/calendar-data.ts';
import { FAINT, INK, MUTED, type PdfLayout } from './layout.ts';
import { TIER_COLOR, drawTierFrame } from './tier-marks.ts';
import { drawUnits, type Unit } from './units.ts';

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const CELL_HEIGHT = 24;
const TITLE_HEIGHT = 15;
const WEEKDAY_HEIGHT = 11;
const MONTHS_PER_ROW = 2;
const COLUMN_GAP = 18;

const FLOW_FILL: Record<string, { fill: string; text: string }> = {
  H: { fill: '#7a1616', text: '#ffffff' },
  M: { fill: '#b3302a', text: '#ffffff' },
  L: { fill: '#f7cbc8', text: INK },
  s: { fill: '#fbe5e3', text: INK },
  o: { fill: '#fff0b3', text: INK },
  '-': { fill: '#dedede', text: INK },
};

function monthHeight(month: CalendarMonth): number {
  return TITLE_HEIGHT + WEEKDAY_HEIGHT + month.weeks.length * CELL_HEIGHT;
}

function drawDay(layout: PdfLayout, day: CalendarDay, x: number, y: number, w: number): void {
  const doc = layout.doc;
  const markers = getDayMarkers(day);
  const shade = FLOW_FILL[markers.flow];
  const fill = !day.inRange ? FAINT : (shade?.fill ?? '#ffffff');
  const text = !day.inRange ? MUTED : (shade?.text ?? INK);
  doc.rect(x, y, w, CELL_HEIGHT).fillColor(fill).fill();
  doc.rect(x, y, w, CELL_HEIGHT).lineWidth(0.3).strokeColor('#b0b0b0').stroke();
  doc.font('regular').fontSize(6.5).fillColor(text);
  const inset = day.tier === null ? 0 : 2.5;
  doc.text(String(day.day), x + 2 + inset, y + 1.5 + inset, { lineBreak: false });
  if (day.tier !== null) {
    const onDark = markers.flow === 'H' || markers.flow === 'M';
    // On a dark day the frame is drawn white inside a black one, so it still shows.
    if (onDark)
      doc
        .rect(x + 0.6, y + 0.6, w - 1.2, CELL_HEIGHT - 1.2)
        .lineWidth(1.2)
        .strokeColor(INK)
        .stroke();
    drawTierFrame(
      layout,
      day.tier,
      x + 1.8,
      y + 1.8,
      w - 3.6,
      CELL_HEIGHT - 3.6,
      onDark ? '#ffffff' : undefined,
    );
    doc.font('bold').fontSize(7.5);
    const symbolWidth = doc.widthOfString(markers.tier);
    doc.fillColor(onDark ? '#ffffff' : TIER_COLOR[day.tier]);
    doc.text(markers.tier, x + w - symbolWidth - 5, y + 3.5, { lineBreak: false });
  }
  const line = [markers.flow, markers.sex, markers.pain].filter((m) => m !== '').join(' ');
  if (line !== '') {
    doc.font('bold').fontSize(8.5).fillColor(text);
    doc.text(line, x + 2, y + 12, { width: w - 4, align: 'center', lineBreak: false });
  }
}

function drawMonth(layout: PdfLayout, month: CalendarMonth, x: number, y: number, w: number): void {
  const doc = layout.doc;
  const cell = w / 7;
  layout.textAt(month.title, x, y, { style: 'bold', size: 9.5, width: w });
  WEEKDAYS.forEach((name, i) => {
    layout.textAt(name, x + i * cell, y + TITLE_HEIGHT, {
      size: 7,
      color: MUTED,
      width: cell,
      align: 'center',
    });
  });
  month.weeks.forEach((week, row) => {
    week.forEach((day, column) => {
      if (day === null) return;
      const top = y + TITLE_HEIGHT + WEEKDAY_HEIGHT + row * CELL_HEIGHT;
      drawDay(layout, day, x + column * cell, top, cell);
    });
  });
  doc.fillColor(INK);
}

function legendUnit(layout: PdfLayout, doc: VisitDocument): Unit {
  const entries = doc.calendar.legend.map((e) => `${e.marker} ${e.meaning}`);
  const text = `Key: ${entries.join(' · ')}. A framed day holds a flag; its symbol and frame give the tier (solid: urgent, dashed: soon, dotted: next visit, thin: info).`;
  return {
    keepWithNext: true,
    height: layout.measure(text, { size: 8, color: MUTED }) + 4,
    draw: () => layout.text(text, { size: 8, color: MUTED, after: 4 }),
  };
}

export function drawCalendar(layout: PdfLayout, doc: VisitDocument): void {
  const months = doc.calendar.months;
  if (months.length === 0) return;
  const width = (layout.width - COLUMN_GAP * (MONTHS_PER_ROW - 1)) / MONTHS_PER_ROW;
  const rows: Unit[] = [];
  for (let i = 0; i < months.length; i += MONTHS_PER_ROW) {
    const row = months.slice(i, i + MONTHS_PER_ROW);
    const height = Math.max(...row.map(monthHeight)) + 10;
    rows.push({
      height,
      draw: () => {
        const y = layout.y;
        row.forEach((month, column) => {
          drawMonth(layout, month, layout.left + column * (width + COLUMN_GAP), y, width);
        });
        layout.y = y + height;
      },
    });
  }
  const legend = legendUnit(layout, doc);
  layout.heading('Calendar of the months with findings', legend.height + rows[0]!.height);
  drawUnits(layout, [legend, ...rows]);
  if (doc.calendar.note !== null) layout.text(doc.calendar.note, { size: 8.5, color: MUTED });
}
