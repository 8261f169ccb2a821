/**
 * The clinical time windows, each defined once and named for what it is. Days are counted on the
 * day-number axis; "the last N days" means [E − N + 1, E] for the evaluation date E.
 */

/** "Recent" for the recurrence and period rules: the last 6 months (Apple's 6-month look-back). */
export const LOOK_BACK_DAYS = 182;

/** The year over which FIGO 2018 judges cycle regularity and frequency. */
export const CYCLE_YEAR_DAYS = 365;

/** No period for this long is an absent period (secondary amenorrhoea, 3 months). */
export const ABSENT_PERIOD_DAYS = 90;

/** Pain during sex counts as recurring within this many days (rule 32). */
export const PAINFUL_SEX_WINDOW_DAYS = 90;

/**
 * Settling-in windows after starting a method, in days since its start (start day = 0), D12:
 * 6 months for a hormonal IUD, 3 months for other hormonal methods and for a copper IUD.
 */
export const HORMONAL_IUD_SETTLING_DAYS = 182;
export const OTHER_HORMONAL_SETTLING_DAYS = 91;
export const COPPER_IUD_SETTLING_DAYS = 91;

/** Fever or severe pain this soon after an IUD insertion is a sign of pelvic infection. */
export const IUD_INSERTION_INFECTION_DAYS = 21;

/** The longest a pregnancy without an end date is assumed to last: 42 weeks from its start. */
export const PREGNANCY_MAX_DAYS = 294;

/**
 * Menopause is read from the log after 12 months without any bleeding at 45 or over (NICE NG23
 * 1.2.1: "postmenopausal if they have not had a period for at least 12 months"); 365 days.
 */
export const MENOPAUSE_NO_BLEEDING_DAYS = 365;

/**
 * Pelvic pain (or pain during sex) and unusual discharge or odour this many days apart or less
 * count together as signs of pelvic infection (correction 3: "within a few days of each other").
 */
export const PID_SIGNS_WINDOW_DAYS = 3;

/**
 * An unfinished bleed of at most this many days that began within PERIOD_START_TOLERANCE_DAYS of
 * the predicted start may be the period starting (not yet bleeding between periods). From 7 days
 * early a bleed is bleeding between periods (correction 5); from 7 days late the late-period rule
 * speaks; past 2 days a bleed that is still not a period is judged as one.
 */
export const PERIOD_START_TOLERANCE_DAYS = 6;
export const PERIOD_START_MAX_DAYS = 2;
