/**
 * The test suites' "now". Every suite (unit, contract on the mock and on the
 * server, journeys) starts its clock here, and the seeded shop is made at this
 * instant, so no test depends on the day it runs. STOCKROOM_TEST_NOW moves it:
 *
 *   STOCKROOM_TEST_NOW=2028-02-29T21:30:00-05:00 npm run test:contract
 *
 * The default is an evening in the store's zone, so "today" already has most
 * of its orders; the clock then runs at real speed (sessions and waits work).
 */
import { clockFromSetting, type Clock } from '../src/domain/clock';

export const DEFAULT_TEST_NOW = '2026-12-01T21:30:00-05:00';

/** The instant the suite starts at, as set (ISO 8601), for child processes and browsers. */
export const TEST_NOW = process.env.STOCKROOM_TEST_NOW || DEFAULT_TEST_NOW;

/**
 * Set by scripts/engine.ts beside STOCKROOM_TEST_NOW: the system time at which it read that instant off
 * the run's clock. The files of a run against a server start one after another, each loading this module
 * afresh; each then continues the run's time line, as the server's clock does, instead of starting it
 * again at STOCKROOM_TEST_NOW (a file starting a minute into the run would be a minute behind the server).
 */
const readAtMs = Number(process.env.STOCKROOM_TEST_NOW_READ_AT);

export const testClock: Clock = clockFromSetting(TEST_NOW, readAtMs > 0 ? readAtMs : undefined);

/** Where the clock started: test shops are made at this instant, so every reset in a run makes the same shop. */
export const TEST_START_MS = testClock();
