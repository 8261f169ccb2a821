/**
 * The cycle-length chart: one horizontal bar per cycle, labelled with its start date and length,
 * over the usual range (24–38 days) shaded and edged with dashed lines. One bar per row, so a long
 * log's chart breaks between bars, and the scale is repeated at the top of each page it spans.
 * Cycles outside the band are marked with "*" as well as by where the bar ends.
 */
import type { VisitDocument } from '../../report/document.ts';
import { INK, MUTED, type PdfLayout } from './layout.ts';
import { drawUnits, type Unit } from './units.ts';

const ROW_HEIGHT = 11;
const BAR_HEIGHT = 7;
const LABEL_WIDTH = 62;
const VALUE_WIDTH = 34;
const BAND_FILL = '#dcebdc';
const BAR_FILL = '#1f4e8c';
const OUTSIDE_MARK = '*';

type Chart = NonNullable<VisitDocument['cycleChart']>;

interface Scale {
  x0: number;
  perDay: number;
  maxDays: number;
}

function getScale(layout: PdfLayout, chart: Chart): Scale {
  const longest = Math.max(...chart.cycles.map((c) => c.length), chart.band.max);
  const maxDays = Math.ceil((longest + 2) / 10) * 10;
  const x0 = layout.left + LABEL_WIDTH;
  return { x0, perDay: (layout.width - LABEL_WIDTH - VALUE_WIDTH) / maxDays, maxDays };
}

function drawBand(
  layout: PdfLayout,
  chart: Chart,
  scale: Scale,
  top: number,
  height: number,
): void {
  const doc = layout.doc;
  const x1 = scale.x0 + chart.band.min * scale.perDay;
  const x2 = scale.x0 + chart.band.max * scale.perDay;
  doc
    .rect(x1, top, x2 - x1, height)
    .fillColor(BAND_FILL)
    .fill();
  for (const x of [x1, x2]) {
    doc
      .moveTo(x, top)
      .lineTo(x, top + height)
      .lineWidth(0.6)
      .dash(2, { space: 1.5 });
    doc.strokeColor('#3d6b3d').stroke();
    doc.undash();
  }
}

function scaleUnit(layout: PdfLayout, chart: Chart, scale: Scale): Unit {
  const height = 24;
  return {
    height,
    draw: () => {
      const top = layout.y;
      layout.textAt('Cycle began', layout.left, top + 10, { size: 7, color: MUTED, width: 60 });
      drawBand(layout, chart, scale, top + 10, height - 10);
      layout.textAt(
        `usual range ${chart.band.min}–${chart.band.max} days`,
        scale.x0 + chart.band.min * scale.perDay,
        top,
        { size: 7, color: '#2d552d', width: 140 },
      );
      for (let day = 0; day <= scale.maxDays; day += 10) {
        layout.textAt(String(day), scale.x0 + day * scale.perDay - 10, top + 12, {
          size: 7,
          color: MUTED,
          width: 20,
          align: 'center',
        });
      }
      layout.y = top + height;
    },
  };
}

export function drawCycleChart(layout: PdfLayout, doc: VisitDocument): void {
  const chart = doc.cycleChart;
  if (chart === null || chart.cycles.length === 0) return;
  const scale = getScale(layout, chart);
  const header = scaleUnit(layout, chart, scale);
  const intro = `One bar per cycle, from the first day of one period to the first day of the next. ${OUTSIDE_MARK} marks a cycle outside the usual range.`;
  layout.heading(
    'Cycle lengths',
    layout.measure(intro, { size: 8.5 }) + header.height + ROW_HEIGHT * 3,
  );
  layout.text(intro, { size: 8.5, color: MUTED, after: 4 });
  header.draw();
  let page = layout.doc.bufferedPageRange().count;
  const rows = chart.cycles.map((cycle): Unit => ({
    height: ROW_HEIGHT,
    draw: () => {
      const now = layout.doc.bufferedPageRange().count;
      if (now !== page) {
        page = now;
        header.draw();
      }
      const top = layout.y;
      drawBand(layout, chart, scale, top, ROW_HEIGHT);
      layout.textAt(cycle.start, layout.left, top + 1.5, { size: 7.5, width: LABEL_WIDTH });
      const outside = cycle.length < chart.band.min || cycle.length > chart.band.max;
      const barWidth = Math.max(1, cycle.length * scale.perDay);
      const barTop = top + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      layout.doc.rect(scale.x0, barTop, barWidth, BAR_HEIGHT).fillColor(BAR_FILL).fill();
      const label = outside ? `${cycle.length} ${OUTSIDE_MARK}` : String(cycle.length);
      layout.textAt(label, scale.x0 + barWidth + 3, top + 1.5, {
        size: 7.5,
        style: outside ? 'bold' : 'regular',
        color: INK,
        width: VALUE_WIDTH + 20,
      });
      layout.y = top + ROW_HEIGHT;
    },
  }));
  drawUnits(layout, rows);
}
