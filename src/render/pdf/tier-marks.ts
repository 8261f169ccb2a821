/**
 * How a tier looks on paper. Colour alone would vanish on a black-and-white printout, so every
 * tier pairs its colour with its word, its symbol (more marks = more urgent) and a line style of
 * its own: urgent a solid filled badge and a heavy solid bar, soon a dashed frame and bar, next
 * visit a dotted frame and bar, info a thin plain frame.
 */
import type { Tier } from '../../core/tiers.ts';
import { TIER_SYMBOL, TIER_WORD } from '../../report/tier-labels.ts';
import type { PdfLayout } from './layout.ts';

export const TIER_COLOR: Record<Tier, string> = {
  urgent: '#a11d21',
  soon: '#8a4500',
  'next-visit': '#1f4e8c',
  info: '#4d4d4d',
};

interface LineStyle {
  width: number;
  dash: [number, number] | null;
}

const BAR: Record<Tier, LineStyle> = {
  urgent: { width: 4, dash: null },
  soon: { width: 3, dash: [5, 2.5] },
  'next-visit': { width: 2.5, dash: [1.2, 2] },
  info: { width: 0.8, dash: null },
};

const FRAME: Record<Tier, LineStyle> = {
  urgent: { width: 2, dash: null },
  soon: { width: 1.6, dash: [3.5, 1.8] },
  'next-visit': { width: 1.2, dash: [1, 1.5] },
  info: { width: 0.6, dash: null },
};

/** "!!! URGENT", the badge's text. */
export function getTierBadgeText(tier: Tier): string {
  return `${TIER_SYMBOL[tier]} ${TIER_WORD[tier]}`;
}

function stroke(layout: PdfLayout, style: LineStyle, color: string): void {
  const doc = layout.doc;
  doc.lineWidth(style.width).strokeColor(color);
  if (style.dash === null) doc.undash();
  else doc.dash(style.dash[0], { space: style.dash[1] });
  doc.stroke();
  doc.undash();
}

/** Draws the tier badge with its top-left corner at (x, y); returns its width. */
export function drawTierBadge(
  layout: PdfLayout,
  tier: Tier,
  x: number,
  y: number,
  size = 8,
): number {
  const doc = layout.doc;
  const text = getTierBadgeText(tier);
  doc.font('bold').fontSize(size);
  const width = doc.widthOfString(text) + 8;
  const height = size + 5;
  if (tier === 'urgent') {
    doc.rect(x, y, width, height).fillColor(TIER_COLOR.urgent).fill();
  } else {
    doc.rect(x, y, width, height).fillColor('#ffffff').fill();
    doc.rect(x, y, width, height);
    stroke(layout, FRAME[tier], TIER_COLOR[tier]);
  }
  doc.fillColor(tier === 'urgent' ? '#ffffff' : TIER_COLOR[tier]);
  doc.text(text, x + 4, y + 2.2, { lineBreak: false });
  return width;
}

/** The vertical bar beside a finding's lines, from y1 to y2. */
export function drawTierBar(
  layout: PdfLayout,
  tier: Tier,
  x: number,
  y1: number,
  y2: number,
): void {
  if (y2 <= y1) return;
  layout.doc.moveTo(x, y1).lineTo(x, y2);
  stroke(layout, BAR[tier], TIER_COLOR[tier]);
}

/** A frame around a calendar day cell in the tier's line style. */
export function drawTierFrame(
  layout: PdfLayout,
  tier: Tier,
  x: number,
  y: number,
  width: number,
  height: number,
  color = TIER_COLOR[tier],
): void {
  layout.doc.rect(x, y, width, height);
  const style = FRAME[tier];
  stroke(layout, { width: style.width + 0.4, dash: style.dash }, color);
}
