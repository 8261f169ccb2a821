/**
 * The one definition of each tier's terminal colour, for the report and the calendar alike.
 * Colour only adds: every tier also has its word and symbol.
 */
import type { ChalkInstance } from 'chalk';
import type { Tier } from '../core/tiers.ts';

export function getTierPaint(chalk: ChalkInstance, tier: Tier): (text: string) => string {
  switch (tier) {
    case 'urgent':
      return chalk.bold.red;
    case 'soon':
      return chalk.bold.yellow;
    case 'next-visit':
      return chalk.bold.cyan;
    case 'info':
      return chalk.dim;
  }
}
