import type { Importer } from './types.ts';
export const clueBackupImporter: Importer = {
  id: 'clue-backup',
  label: 'Clue backup',
  read: () => Promise.reject(new Error('todo')),
};
