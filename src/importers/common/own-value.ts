/**
 * A value from a lookup table keyed by text taken from the input. A plain `table[key]` would
 * find `constructor`, `toString` or `__proto__` on Object.prototype when an export carries such
 * a name, and hand a function to code that expects a table entry.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
