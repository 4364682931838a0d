/** The Setting row the health check's write probe writes (lib/ops/health.ts; no setting of the site's: lib/settings/ reads only its own keys). */
export const WRITE_PROBE_KEY = "health.writeProbe";
