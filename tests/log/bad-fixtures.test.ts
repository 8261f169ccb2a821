import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { openInputFile } from '../../src/io/input-file.ts';
import { csvImporter } from '../../src/log/canonical-csv.ts';
import { jsonImporter } from '../../src/log/canonical-json.ts';

const DIR = 'fixtures/bad/canonical';

// The README's table is the contract the end-to-end tests use; keep it true.
const rows = readFileSync(`${DIR}/README.md`, 'utf8')
  .split('\n')
  .flatMap((line) => {
    const m = /^\| `([^`]+)` \| (\d+) \| `(.+)` \|$/.exec(line);
    return m ? [{ file: m[1]!, exit: Number(m[2]), message: m[3]! }] : [];
  });

async function readFixture(file: string) {
  const importer = file.endsWith('.json') ? jsonImporter : csvImporter;
  return importer.read(await openInputFile(`${DIR}/${file}`), { forced: true });
}

describe('fixtures/bad/canonical', () => {
  it('lists every malformed file in the README table', () => {
    const readable = new Set(['header-only.csv', 'utf16-bom.csv']);
    const files = readdirSync(DIR).filter((f) => !f.endsWith('.md') && !readable.has(f));
    expect(rows.map((r) => r.file).sort()).toEqual(files.sort());
  });

  it.each(rows)('$file → exit $exit, $message', async ({ file, exit, message }) => {
    const error = await readFixture(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(exit);
    const expected = message.replace(/^FILE/, `${DIR}/${file}`);
    expect((error as Error).message.startsWith(expected), (error as Error).message).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('header-only.csv is an empty log with a warning', async () => {
    const result = await readFixture('header-only.csv');
    expect(result.log.days).toEqual([]);
    expect(result.warnings).toEqual([
      {
        file: `${DIR}/header-only.csv`,
        line: 1,
        message: 'no day rows after the header; the log is empty',
      },
    ]);
  });

  // UTF-16 with a byte order mark used to be refused; it is read now.
  it('utf16-bom.csv reads as UTF-16', async () => {
    const result = await readFixture('utf16-bom.csv');
    expect(result.log.days[0]).toEqual({ date: '2025-03-01', bleeding: 'light' });
    expect(result.warnings).toEqual([]);
  });
});
