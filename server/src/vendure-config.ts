/**
 * One config for the server and the seed. SQLite file by default; PostgreSQL
 * when DATABASE_URL is a postgres:// URL (several instances, see README).
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DefaultJobQueuePlugin, DefaultLogger, dummyPaymentHandler, LogLevel, type VendureConfig } from '@vendure/core';
import { apiRequestGuard, graphqlGate } from './plugin/request-guards';
import { StockroomPlugin } from './plugin/stockroom.plugin';

// Vendure reports usage unless told not to; a back-office demo should not phone home.
process.env.VENDURE_DISABLE_TELEMETRY ??= 'true';

/** server/ whether we run from src (ts) or dist/server/src (js). */
export const SERVER_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '..');
export const SQLITE_FILE = process.env.SQLITE_FILE ?? path.join(SERVER_DIR, 'data', 'stockroom.sqlite');

function dbConnectionOptions(): VendureConfig['dbConnectionOptions'] {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return {
      type: 'postgres',
      url,
      // Never let several instances race to alter the schema: create it once with DB_SYNCHRONIZE=true (or migrations).
      synchronize: process.env.DB_SYNCHRONIZE === 'true',
      logging: false,
      // Nothing waits forever: a request that cannot get a connection, a lock or an answer in time is told so
      // (503 with Retry-After, database-errors.ts) instead of hanging, and a transaction left open by a
      // stuck request is ended by the database, releasing its locks.
      extra: {
        max: Math.max(1, wholeNumber(process.env.DB_POOL_SIZE, 10)),
        connectionTimeoutMillis: wholeNumber(process.env.DB_CONNECT_TIMEOUT_MS, 5_000),
        statement_timeout: wholeNumber(process.env.DB_STATEMENT_TIMEOUT_MS, 15_000),
        lock_timeout: wholeNumber(process.env.DB_LOCK_TIMEOUT_MS, 10_000),
        idle_in_transaction_session_timeout: wholeNumber(process.env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, 30_000),
        // A database gone silent (the network drops packets) never ends a statement itself: the client gives up.
        query_timeout: wholeNumber(process.env.DB_QUERY_TIMEOUT_MS, 20_000),
      },
    };
  }
  return {
    type: 'better-sqlite3',
    database: SQLITE_FILE,
    // One process owns a SQLite file, so letting TypeORM create and follow the schema is safe here (see README).
    synchronize: true,
    logging: false,
  };
}

/** A whole number of an environment setting (0 turns a timeout off), else the default. */
function wholeNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Signs the session cookie; every instance must share it. A known default is for development only. */
function cookieSecret(production: boolean): string {
  const secret = process.env.COOKIE_SECRET;
  if (secret) return secret;
  if (production) throw new Error('Set COOKIE_SECRET: in production the session cookie must be signed with a secret of your own.');
  return 'stockroom-dev-cookie-secret';
}

export function stockroomConfig(port = Number(process.env.PORT ?? 3000)): VendureConfig {
  const production = process.env.NODE_ENV === 'production';
  return {
    // LOG_LEVEL=Warn (or Error, Info, Verbose, Debug) quietens the server; the tests run it at Warn.
    logger: new DefaultLogger({ level: LogLevel[(process.env.LOG_LEVEL ?? 'Info') as keyof typeof LogLevel] ?? LogLevel.Info }),
    apiOptions: {
      port,
      hostname: process.env.HOST ?? '127.0.0.1',
      // Vendure's own GraphQL APIs (off unless STOCKROOM_GRAPHQL_TOKEN is set, see request-guards.ts) refuse simple cross-site POSTs.
      csrfPrevention: true,
      // The app reaches /api from its own origin (a proxy); other origins only when CORS_ORIGINS lists them.
      cors: process.env.CORS_ORIGINS ? { origin: process.env.CORS_ORIGINS.split(','), credentials: true } : false,
      adminApiPath: 'admin-api',
      shopApiPath: 'shop-api',
      middleware: [
        // Before any controller, out of reach of the controllers' problem filter: cross-site changes, body limits
        // and broken JSON are the contract's 403, 413 and 400 rather than Vendure's error JSON.
        { route: '/api', beforeListen: true, handler: apiRequestGuard },
        { route: '/admin-api', beforeListen: true, handler: graphqlGate },
        { route: '/shop-api', beforeListen: true, handler: graphqlGate },
      ],
    },
    authOptions: {
      tokenMethod: 'cookie',
      // The contract's sessions last 30 minutes of inactivity (Vendure extends them while used).
      sessionDuration: '30m',
      requireVerification: false,
      cookieOptions: {
        name: 'stockroom-session',
        // Every instance must share it, or a session cookie signed by one is refused by another.
        secret: cookieSecret(production),
        httpOnly: true,
        sameSite: 'strict',
        // Secure cookies need HTTPS; behind a TLS-terminating proxy set NODE_ENV=production (and trust the proxy).
        secure: production || process.env.COOKIE_SECURE === 'true',
      },
      // Nobody signs in as Vendure's superadmin in Stockroom; without a configured password it gets an unguessable one.
      superadminCredentials: {
        identifier: process.env.SUPERADMIN_USERNAME ?? 'superadmin',
        password: process.env.SUPERADMIN_PASSWORD ?? randomBytes(24).toString('base64url'),
      },
    },
    dbConnectionOptions: dbConnectionOptions(),
    paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
    plugins: [
      // Jobs (search index and the like) go through the database, so any instance can run them.
      DefaultJobQueuePlugin.init({ useDatabaseForBuffer: true }),
      StockroomPlugin,
    ],
  };
}
