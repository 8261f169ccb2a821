/**
 * The options the commands take, as the command line gives them (src/cli declares them). They
 * live here, below the declarations, so that commands never import the CLI layer.
 */
import type { MenopauseState } from '../core/log.ts';
import type { PaperSize } from '../render/pdf/paper.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'markdown', 'html', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The profile options as typed; parsed and checked by readProfileOverrides. */
export interface ProfileOptions {
  age?: string;
  birthDate?: string;
  menopause?: MenopauseState;
  contraception?: string[];
  pregnancy?: string;
  notTracked?: string[];
  profile?: string;
  asOf?: string;
}

/** How to read a spreadsheet log; parsed by readReadingOptions. */
export interface ReadingCliOptions {
  column?: string[];
  dateFormat?: 'ymd' | 'dmy' | 'mdy';
}

export interface OutputOptions {
  json?: boolean;
  to?: OutputFormat;
  output?: string;
  force?: boolean;
  color?: boolean;
  paper?: PaperSize;
}
