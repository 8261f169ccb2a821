import type { Importer } from './types.ts';
export const fitbitImporter: Importer = {
  id: 'fitbit',
  label: 'Fitbit',
  read: () => Promise.reject(new Error('todo')),
};
