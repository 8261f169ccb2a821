/** The version printed by --version and on every document cyclecheck writes. */
export const PRODUCER_VERSION = '0.1.0';
