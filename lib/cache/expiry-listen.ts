import pg from "pg";
import { env } from "../env";
import { log } from "../log";

/** The channel the CacheTagExpiry trigger notifies (migration 20261202000001_search_and_expiry_notify). */
export const EXPIRY_CHANNEL = "dateline_cache_expiry";

/**
 * On PostgreSQL, wakes this process the moment any process on any machine records a cache
 * expiry: one connection per process LISTENs on EXPIRY_CHANNEL and calls `onNotice` for each
 * notification (they are delivered when the inserting transaction commits). A dropped connection
 * is opened again after a pause growing to 5 s; meanwhile the poll (lib/cache/shared-expiry.ts)
 * still picks the expiries up. `connected()` says whether the listener is live.
 */
export function listenForExpiries(onNotice: () => void, url: string = env.DATABASE_URL) {
  let client: pg.Client | null = null;
  let stopped = false;
  let live = false;
  let retry: NodeJS.Timeout | undefined;
  let pause = 250;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: "dateline-expiry-listener" });
    client = c;
    const lost = (reason: string) => {
      if (client !== c) return;
      client = null;
      live = false;
      c.removeAllListeners();
      c.on("error", () => {});
      void c.end().catch(() => {});
      if (stopped) return;
      log("warn", "lost the cache expiry listener; polling until it is back", { reason });
      retry = setTimeout(() => void connect(), pause);
      retry.unref();
      pause = Math.min(pause * 2, 5_000);
    };
    c.on("error", (error) => lost(String(error)));
    c.on("end", () => lost("connection ended"));
    c.on("notification", (message) => {
      if (message.channel === EXPIRY_CHANNEL) onNotice();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EXPIRY_CHANNEL}`);
      if (client !== c) return;
      live = true;
      pause = 250;
      // Anything recorded while the listener was away is read now.
      onNotice();
    } catch (error) {
      lost(String(error));
    }
  };
  void connect();

  return {
    connected: () => live,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      live = false;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
