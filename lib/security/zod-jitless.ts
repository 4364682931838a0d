import { z } from "zod";

/**
 * Imported first by every client component whose imports reach zod, so that it runs before any
 * schema is built in the browser. zod 4 probes `new Function("")` once, when its first object
 * schema is built, to decide whether to compile parsers; the desk's Content-Security-Policy
 * (no 'unsafe-eval') refuses it, and the browser reports a violation even though zod catches the
 * error. Without the probe zod parses the same way, interpreted. On the server zod keeps its
 * compiled parsers (the setting is global to the process there).
 */
if (typeof window !== "undefined") z.config({ jitless: true });
