import { test } from 'vitest';
import { openInputFile } from '../../src/io/input-file.ts';
import { importFile } from '../../src/importers/registry.ts';
import { formatImportReport } from '../../src/importers/format-summary.ts';

test('scratch', async () => {
  for (const f of ['drip-data.csv', 'clue-measurements.json', 'mensinator.json', 'Periodical-backup.json.gz', 'Periodical-backup.json', 'flo.json']) {
    const input = await openInputFile(`fixtures/imports/${f}`);
    const r = await importFile(input);
    console.log(formatImportReport(r, f).join('\n'));
    console.log(JSON.stringify(r.log));
  }
});
