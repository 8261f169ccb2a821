/**
 * Words and symbols shared by every human-readable report (text, Markdown, HTML, calendars), so
 * that a tier reads the same everywhere and never depends on colour alone.
 */
import type { Tier } from '../core/tiers.ts';

export const TIER_LABEL: Record<Tier, string> = {
  urgent: 'URGENT — contact a clinician today',
  soon: 'SOON — book an appointment in the next few days',
  'next-visit': 'NEXT VISIT — mention it at your next routine visit',
  info: 'INFO — usually harmless; tell a clinician if it worries you',
};

/** The tier's name alone, for tables and calendar legends. */
export const TIER_WORD: Record<Tier, string> = {
  urgent: 'URGENT',
  soon: 'SOON',
  'next-visit': 'NEXT VISIT',
  info: 'INFO',
};

/** Plain ASCII, at most 3 characters: more marks = more urgent. */
export const TIER_SYMBOL: Record<Tier, string> = {
  urgent: '!!!',
  soon: '!!',
  'next-visit': '!',
  info: 'i',
};

export const DISCLAIMER =
  'cyclecheck is informational, not a diagnosis. For heavy bleeding with faintness or severe ' +
  'pain, call emergency services. If anything in this report worries you, contact a clinician.';
