/**
 * The server's clock: STOCKROOM_NOW (an ISO instant) starts it there and it runs
 * at real speed; unset, it is the system clock. Stockroom's writes, schedules,
 * reports' "today", the sign-in throttle and the seed read it and nothing else.
 * Tests set it so that the seeded year and "today" agree whatever the day.
 */
import { clockFromSetting } from '#shared/domain/clock';

export const clock = clockFromSetting(process.env.STOCKROOM_NOW);

/** Now as a Date, for columns and ISO strings. */
export const nowDate = (): Date => new Date(clock());

/** An instant Vendure dated on the system clock (a session's expiry), told on this clock: the API speaks one time. */
export const onClock = (systemMs: number): Date => new Date(clock() + (systemMs - Date.now()));
