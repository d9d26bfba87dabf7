/**
 * The server's clock: STOCKROOM_NOW (an ISO instant) starts it there and it runs
 * at real speed; unset, it is the system clock. Stockroom's writes, schedules,
 * reports' "today", the sign-in throttle and the seed read it and nothing else.
 * Tests set it so that the seeded year and "today" agree whatever the day.
 */
import { clockFromSetting } from '#shared/domain/clock';

/**
 * STOCKROOM_NOW_READ_AT (optional): the system time in ms at which STOCKROOM_NOW was read off a running clock
 * (a test run's). Without it the clock starts when this module loads, seconds after the process was started,
 * and lags the suites' clock by that much: a discount scheduled 2.5 s ahead would turn on late here. Every
 * process handed the same pair (the servers of a run, two instances on one database) keeps one time line.
 */
const readAtMs = Number(process.env.STOCKROOM_NOW_READ_AT);

export const clock = clockFromSetting(process.env.STOCKROOM_NOW, readAtMs > 0 ? readAtMs : undefined);

/** Now as a Date, for columns and ISO strings. */
export const nowDate = (): Date => new Date(clock());

/** An instant Vendure dated on the system clock (a session's expiry), told on this clock: the API speaks one time. */
export const onClock = (systemMs: number): Date => new Date(clock() + (systemMs - Date.now()));
