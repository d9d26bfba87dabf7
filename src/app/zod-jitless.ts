/**
 * zod compiles object parsers with `new Function` unless told not to. The app's
 * Content-Security-Policy allows no eval (vite.config.ts), so that attempt
 * would be refused and reported as a violation before zod fell back to parsing
 * without it; this says so up front. main.tsx imports it first: the setting is
 * read as each schema is made, and the shell makes some as it loads.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
