export const CHECKLIST_CODES = [
  'K1',
  'K2',
  'K3',
  'K4',
  'K5',
  'K6',
  'K7',
  'K8',
  'K9',
  'K10',
  'K11',
  'K12',
  'K13',
] as const;
export type ChecklistCode = (typeof CHECKLIST_CODES)[number];
