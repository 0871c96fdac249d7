import { z } from 'zod';

/**
 * zod compiles object schemas with `new Function` when it may, and probes whether it may by calling
 * `Function('')`: under our content security policy (no 'unsafe-eval') that probe is a CSP violation on every
 * page. Jitless, zod never evaluates code. The web app imports this first (main.tsx), before any schema parses;
 * the server keeps the faster compiled parsers.
 */
z.config({ jitless: true });
