/**
 * The layer rules in eslint.config.js (ARCHITECTURE.md) catch what they claim: an import that
 * points up or sideways fails lint, static or `import()`, and a downward one passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function lintImport(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers', () => {
  it.each([
    [
      'src/core/x.ts',
      "import type { Report } from '../report/types.ts';\nexport type R = Report;\n",
    ],
    ['src/log/x.ts', "import { runCli } from '../cli.ts';\nexport const r = runCli;\n"],
    ['src/report/x.ts', "import { X } from '../render/text.ts';\nexport const x = X;\n"],
    ['src/importers/x.ts', "import { X } from '../report/checklist.ts';\nexport const x = X;\n"],
    ['src/interview/x.ts', "import { X } from '../batch/shard.ts';\nexport const x = X;\n"],
    ['src/text/x.ts', "import { X } from '../core/dates.ts';\nexport const x = X;\n"],
    ['src/core/x.ts', "export const load = () => import('../commands/analyze.ts');\n"],
  ])('%s may not import %s', async (file, source) => {
    const messages = await lintImport(file, source);
    expect(messages.some((m) => /may not import|imported by no one|pure/.test(m))).toBe(true);
  });

  it.each([
    ['src/commands/x.ts', "import { X } from '../render/text.ts';\nexport const x = X;\n"],
    ['src/render/x.ts', "import { X } from '../report/types.ts';\nexport const x = X;\n"],
    ['src/importers/x.ts', "import { X } from '../log/profile.ts';\nexport const x = X;\n"],
    ['src/cli/x.ts', "export const load = () => import('../commands/analyze.ts');\n"],
  ])('%s may import %s', async (file, source) => {
    const messages = await lintImport(file, source);
    expect(messages.filter((m) => /restricted/.test(m))).toEqual([]);
  });
});
