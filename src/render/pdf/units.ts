/**
 * A unit is the smallest piece of the flow that is never split across pages: a paragraph, a list
 * item, a table row. Measured first, then drawn where it fits.
 */
import type { PdfLayout, TextStyle } from './layout.ts';

export interface Unit {
  height: number;
  draw(): void;
  /** Never the last thing on a page: moves to the next page with the unit after it. */
  keepWithNext?: boolean;
}

/** The room a unit needs where it starts, with the units it must stay with (at most a page). */
function getNeededHeight(layout: PdfLayout, units: readonly Unit[], index: number): number {
  let height = 0;
  for (let i = index; i < units.length; i++) {
    height += layout.getPlaceHeight(units[i]!.height);
    if (units[i]!.keepWithNext !== true) break;
  }
  return Math.min(height, layout.bottom - layout.top);
}

export function textUnit(layout: PdfLayout, text: string, style: TextStyle = {}): Unit {
  return { height: layout.measure(text, style), draw: () => layout.text(text, style) };
}

export function bulletUnit(
  layout: PdfLayout,
  text: string,
  style: TextStyle = {},
  bullet = '•',
): Unit {
  const indent = (style.indent ?? 0) + 11;
  const itemStyle = { ...style, indent };
  const height = layout.measure(text, itemStyle) + (style.after ?? 1.5);
  return {
    height,
    draw: () => {
      const y = layout.y;
      const pages = layout.pageCount;
      layout.textAt(bullet, layout.left + indent - 10, y, { ...style, width: 10 });
      layout.textAt(text, layout.left + indent, y, itemStyle);
      // Text taller than a page flowed on: PDFKit's position is where it ended.
      if (layout.pageCount === pages) layout.y = y + height;
    },
  };
}

export function spaceUnit(points: number): Unit {
  return { height: points, draw: () => undefined };
}

/**
 * Draws units in order, each moved whole to a new page when it does not fit, together with the
 * units it is kept with (labels, headings). `beside` decorates each drawn stretch (a tier bar).
 */
export function drawUnits(
  layout: PdfLayout,
  units: readonly Unit[],
  beside?: (top: number, bottom: number) => void,
): void {
  units.forEach((unit, index) => {
    layout.ensure(getNeededHeight(layout, units, index));
    const top = layout.y;
    const pages = layout.pageCount;
    unit.draw();
    if (layout.pageCount === pages) {
      layout.y = Math.max(layout.y, top + unit.height);
      beside?.(top, layout.y);
    } else {
      // It flowed over pages (text taller than one): decorate the part on the last page.
      beside?.(layout.top, layout.y);
    }
  });
}
