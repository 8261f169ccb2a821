/** The cycle summary in one line of words, shared by the text, Markdown and HTML documents. */
import type { DocumentSummary } from '../report/document.ts';

/**
 * "6 cycles, average 28.8 days (shortest 28, longest 29); periods average 5.2 days; last period
 * started 2025-10-22", or null when the log has fewer than two periods.
 */
export function formatCycleLine(cycles: DocumentSummary['cycles']): string | null {
  if (cycles === null) return null;
  const parts: string[] = [];
  if (cycles.averageLength !== null) {
    const range =
      cycles.shortest === cycles.longest
        ? ''
        : ` (shortest ${cycles.shortest}, longest ${cycles.longest})`;
    parts.push(
      `${cycles.counted} cycle${cycles.counted === 1 ? '' : 's'}, average ${cycles.averageLength} days${range}`,
    );
  }
  if (cycles.averagePeriodDays !== null)
    parts.push(`periods average ${cycles.averagePeriodDays} days`);
  if (cycles.lastPeriodStart !== null) parts.push(`last period started ${cycles.lastPeriodStart}`);
  return parts.join('; ');
}
