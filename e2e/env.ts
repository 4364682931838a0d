// The end-to-end server's environment: its own database and media folder under data/e2e,
// reset before each run. Shared by playwright.config.ts and the helpers that touch the database.
// E2E_PORT lets two checkouts run their suites side by side; the crash test uses the next port up.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_URL = `http://localhost:${E2E_PORT}`;
/**
 * The Varnish that e2e/public/varnish.spec.ts starts in front of the server, 18 ports up (3618 for
 * E2E_PORT=3600). The server purges it on every change; while it is not running those purges
 * fail, are retried a few times and logged, and nothing else notices.
 */
export const E2E_VARNISH_PORT = E2E_PORT + 18;
/**
 * The SMTP server that the account-recovery specs start (e2e/admin/account-recovery.spec.ts),
 * 19 ports up: the server mails reset links there. While no spec listens, such mail fails and is logged.
 */
export const E2E_SMTP_PORT = E2E_PORT + 19;

/**
 * The engine under the end-to-end server. SQLite (a file under data/e2e) unless
 * DATELINE_E2E_ENGINE=postgresql: `npm test` runs the journey specs (E2E_JOURNEY) a second time on
 * PostgreSQL with photos in an S3-compatible bucket, under scripts/with-test-bucket.ts --postgres,
 * which starts both and passes the cluster's address as DATABASE_URL and the bucket's variables
 * (DATELINE_MEDIA_STORE=s3, ...) through the environment the server inherits.
 */
export const E2E_ENGINE = process.env.DATELINE_E2E_ENGINE === "postgresql" ? "postgresql" : "sqlite";

function e2eDatabaseUrl(): string {
  if (E2E_ENGINE === "sqlite") return "file:./data/e2e/dateline.db";
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("DATELINE_E2E_ENGINE=postgresql needs DATABASE_URL=postgresql://… (run under scripts/with-test-bucket.ts --postgres)");
  }
  return url;
}

/**
 * The journey from the desk to the reader, the specs that run on both engines: signing in, writing,
 * editing and publishing, photos (uploaded, cropped, credited, with Content Credentials), bylines and
 * sections, the wire desk and the WordPress import, and every reader page (front, story, section,
 * author, tag, search, feeds, sitemaps). The other specs read the SQLite file directly or start
 * servers of their own; the two-instance spec (e2e/multi) runs on PostgreSQL already.
 */
export const E2E_JOURNEY = [
  "admin/access.spec.ts",
  "admin/sign-in.spec.ts",
  "admin/desk.spec.ts",
  "admin/desk-journey.spec.ts",
  "admin/bylines.spec.ts",
  "admin/sections.spec.ts",
  "admin/settings.spec.ts",
  "admin/media.spec.ts",
  "admin/photo-desk.spec.ts",
  "admin/photo-credentials.spec.ts",
  "admin/wire-desk.spec.ts",
  "admin/wordpress-import.spec.ts",
  "public/reader.spec.ts",
  "public/site.spec.ts",
];

export const E2E_ENV = {
  DATABASE_URL: e2eDatabaseUrl(),
  DATELINE_MEDIA_DIR: "./data/e2e/media",
  DATELINE_IMPORT_DIR: "./data/e2e/imports",
  // The wire desk's watched folder (e2e/admin/wire-desk.spec.ts drops files in it), scanned every 2 s.
  DATELINE_WIRE_DIR: "./data/e2e/wire",
  DATELINE_WIRE_SCAN_SECONDS: "2",
  DATELINE_SITE_URL: E2E_URL,
  NEXTAUTH_SECRET: "e2e-only-secret-that-is-long-enough-to-pass-validation",
  DATELINE_ADMIN_PASSWORD: "e2e-seed-admin-password",
  // One trusted proxy hop: the test's browser plays the proxy, and the X-Forwarded-For entry it
  // sends (e2e/fixtures.ts) is the right-most one no trusted proxy wrote, i.e. the client's
  // address. So tests stand in for different clients and throttling by address stays testable.
  // e2e/admin/client-address.spec.ts runs a server with no proxy trusted, where the header counts for nothing.
  DATELINE_TRUSTED_PROXIES: "1",
  PORT: String(E2E_PORT),
  // Scheduled stories go live within a couple of seconds of their time in tests.
  DATELINE_SCHEDULER_INTERVAL: "2",
  DATELINE_CRON_SECRET: "e2e-cron-secret-0123456789",
  DATELINE_TIMEZONE: "UTC",
  DATELINE_PURGE_VARNISH: `http://127.0.0.1:${E2E_VARNISH_PORT}`,
  // The content API (issue 17): limits low enough to reach in a test; webhook retries after 1 s, 2 s, ...
  DATELINE_API_READ_RATE: "150",
  DATELINE_API_KEY_RATE: "200",
  DATELINE_WEBHOOK_RETRY_SECONDS: "1",
  DATELINE_SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  DATELINE_MAIL_FROM: "Dateline E2E <desk@e2e.dateline>",
  // Archived copies (issue 19): e2e/admin/source-archive.spec.ts plays its sources on loopback.
  DATELINE_SOURCE_PRIVATE_HOSTS: "127.0.0.1:*",
  // Photo provenance (issue 19): the test authority that signed lib/provenance/fixtures is trusted.
  DATELINE_C2PA_TRUST_ANCHORS: "./lib/provenance/fixtures/test-root.pem",
};

export const PASSWORD = "e2e-role-password-123";

/** One account per role, created with `npm run user:create` before the server starts. */
export const ACCOUNTS = {
  admin: { email: "admin@e2e.dateline", role: "ADMIN" },
  editor: { email: "editor@e2e.dateline", role: "EDITOR" },
  writer: { email: "writer@e2e.dateline", role: "WRITER" },
} as const;
export type RoleName = keyof typeof ACCOUNTS;
export const storageStatePath = (role: RoleName) => `e2e/.auth/${role}.json`;
