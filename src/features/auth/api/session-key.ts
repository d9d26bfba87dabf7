/** The cache key of the current session, free of zod so the shell can read the session without loading the schemas. */
export const SESSION_KEY = ['session', 'current'] as const;
