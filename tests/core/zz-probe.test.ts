import { it } from 'vitest';
import { analyze, describeFindings, regularCycles } from './log-builder.ts';
it('probe', () => {
  const r = analyze(regularCycles({ from: '2025-01-01', count: 3 }));
  console.log(describeFindings(r), JSON.stringify(r.analysis.not_evaluated), JSON.stringify(r.analysis.periods));
  const r2 = analyze(regularCycles({ from: '2025-01-01', count: 3 }).on('2025-02-10', { bleeding: 'spotting', sex: true }));
  console.log(describeFindings(r2));
});
