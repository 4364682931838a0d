import { z } from "zod";
import { parseTrustedProxies } from "./auth/trusted-proxies";
import { parseHostEntry } from "./security/host-entry";
import { mediaStoreEnv, mediaStoreEnvProblems } from "./media/store-env";

/** Whether Intl knows a time zone name, so a typo fails at start (or at the settings form), not at render. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
const timeZone = z.string().refine(isTimeZone, "is not an IANA time zone name, e.g. Europe/London");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXT_PHASE: z.string().optional(),
  DATABASE_URL: z.string().min(1).default("file:./data/dateline.db"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DATELINE_SITE_URL: z.url().default("http://localhost:3000"),
  DATELINE_SITE_NAME: z.string().min(1).default("The Dateline"),
  DATELINE_TIMEZONE: timeZone.default("UTC"),
  DATELINE_MEDIA_DIR: z.string().min(1).default("./data/media"),
  /** Largest photo upload accepted, in megabytes. */
  DATELINE_MAX_UPLOAD_MB: z.coerce.number().min(1).max(500).default(25),
  /** Largest WordPress export (and zip of its uploads) /admin/import accepts, in megabytes. */
  DATELINE_MAX_IMPORT_MB: z.coerce.number().min(1).max(200_000).default(4000),
  /** Where /admin/import keeps the files it receives while their import runs. */
  DATELINE_IMPORT_DIR: z.string().min(1).default("./data/imports"),
  /** The wire desk's watched folder (issue 18): ninjs, NewsML-G2 and RSS/Atom files dropped here are read; unset, none is watched. */
  DATELINE_WIRE_DIR: z.string().min(1).optional(),
  /** How often the watched folder is scanned and the polled feeds are checked for one due, in seconds. */
  DATELINE_WIRE_SCAN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Largest photo accepted, in megapixels (decompression-bomb guard). */
  DATELINE_MAX_MEGAPIXELS: z.coerce.number().min(1).max(500).default(60),
  DATELINE_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  DATELINE_ADMIN_EMAIL: z.email().default("admin@dateline.local"),
  DATELINE_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** For `npm run user:create` on servers without a terminal prompt. */
  DATELINE_NEW_USER_PASSWORD: z.string().optional(),
  /** Shared secret for POST /api/cron/publish-scheduled (an external cron); the endpoint is off without it. */
  DATELINE_CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Seconds between the built-in scheduler's runs; 0 turns it off (when an external cron is used). */
  DATELINE_SCHEDULER_INTERVAL: z.coerce.number().int().min(0).max(3600).default(20),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Server processes `npm start` runs on PORT (scripts/cluster.ts); unset: one per core. */
  DATELINE_WORKERS: z.coerce.number().int().min(1, "must be at least 1").max(256).optional(),
  /** Behind a reverse proxy, take the client address from the first X-Forwarded-For entry. */
  DATELINE_TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Connections each server process keeps to PostgreSQL (its pool); max_connections must cover one more than this per process. */
  DATELINE_PG_POOL_SIZE: z.coerce.number().int().min(2, "must be at least 2").max(500).default(10),
  /** /api/health answers 503 once writes have failed (or waited on a lock) for this many seconds without one succeeding. */
  DATELINE_HEALTH_WRITE_FAILURE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  DATELINE_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * Reverse proxies in front of Dateline whose X-Forwarded-For entries are believed (for sign-in
   * throttling): unset or 0 for none (the socket address is the client), a hop count such as 1,
   * or a comma-separated list of proxy addresses and CIDR ranges. Replaces DATELINE_TRUST_PROXY.
   */
  DATELINE_TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine(
      (v) => parseTrustedProxies(v) !== null,
      "must be a hop count (e.g. 1) or a comma-separated list of IP addresses and CIDR ranges",
    ),
  /**
   * Varnish servers in front (deploy/varnish/default.vcl), comma-separated base URLs such as
   * http://127.0.0.1:6081: each change sends them `PURGE /` with the expired keys in `xkey-purge`.
   */
  DATELINE_PURGE_VARNISH: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((u) => u.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ })).optional()),
  /** A CDN's (or purge relay's) endpoint: each change POSTs `{ "tags": [...] }` to it. */
  DATELINE_PURGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Sent to DATELINE_PURGE_URL as `Authorization: Bearer <token>`. */
  DATELINE_PURGE_TOKEN: z.string().optional(),
  /** API (issue 17): requests per minute from one client address that reach the server (cache misses) on the open read API. */
  DATELINE_API_READ_RATE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** API: requests per minute per API key. */
  DATELINE_API_KEY_RATE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Webhooks: seconds before a failed delivery's first retry; each further retry waits twice as long (at most an hour), for a day. */
  DATELINE_WEBHOOK_RETRY_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  // Issue 19: archived copies of sources and link checks (lib/sources/).
  /**
   * Where readers open archived copies (e.g. https://archive.example-news.org): another origin than
   * the site's, so a copy never runs with the site's cookies. Set: links use it and /archive/…
   * answers only requests for that host. Unset: the site's own origin.
   */
  DATELINE_ARCHIVE_ORIGIN: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// origin" })
    .transform((u) => new URL(u).origin)
    .optional(),
  /** Link checks: hours between two checks of one source of a live story (spread ±10 %). */
  DATELINE_SOURCE_CHECK_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 365)
    .default(24),
  /** Archived copies: the largest answer kept, in megabytes; a larger one is refused and recorded as such. */
  DATELINE_SOURCE_MAX_MB: z.coerce.number().min(0.01).max(100).default(5),
  /** Archived copies and link checks: seconds a source has to answer in full. */
  DATELINE_SOURCE_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(20),
  /**
   * Archived copies and link checks: hosts on a private network they may reach all the same, comma
   * separated (an intranet whose pages the newsroom cites, and whose copies readers may read). A
   * host alone is reached at ports 80 and 443; `host:8080` at that port; `host:*` at any
   * (lib/security/host-entry.ts). The admins' “Hosts on private networks” do not apply to sources:
   * a writer types a source's address, and its archived copy is public. Empty by default.
   */
  DATELINE_SOURCE_PRIVATE_HOSTS: z
    .string()
    .default("")
    .transform((list, ctx) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .flatMap((entry) => {
          const parsed = parseHostEntry(entry);
          if (parsed) return [parsed];
          ctx.addIssue({
            code: "custom",
            message: `“${entry}” is not a host name or IP address, with at most a port or :* (no scheme or path)`,
          });
          return [];
        }),
    ),
  ...mediaStoreEnv,
  /**
   * Outgoing mail (password reset links), as a nodemailer URL: smtp://user:pass@host:587 (STARTTLS
   * when offered) or smtps://user:pass@host:465. Unset: no mail is sent, and the sign-in page says
   * to ask an admin.
   */
  DATELINE_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  /** The From of mail Dateline sends, e.g. `The Dateline <desk@example.org>`; default no-reply at the site's host. */
  DATELINE_MAIL_FROM: z.string().min(3).optional(),
  // Photo provenance (issue 19, part 3). A PEM file of root certificates whose Content
  // Credentials signers count as trusted; without it a validating signature is "untrusted".
  DATELINE_C2PA_TRUST_ANCHORS: z.string().min(1).optional(),
  /** The newsroom's own signing certificate chain (PEM file, end-entity first) and its private key (PEM file): served photos are signed with them. */
  DATELINE_C2PA_CERT: z.string().min(1).optional(),
  DATELINE_C2PA_KEY: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, the way shells and .env files mean them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema
    .superRefine(mediaStoreEnvProblems)
    .superRefine((value, ctx) => {
      // Photos are signed with the newsroom's certificate and its key: both or neither.
      if (!value.DATELINE_C2PA_CERT !== !value.DATELINE_C2PA_KEY)
        ctx.addIssue({
          code: "custom",
          path: [value.DATELINE_C2PA_CERT ? "DATELINE_C2PA_KEY" : "DATELINE_C2PA_CERT"],
          message: "must be set together with the other (the certificate and its private key), or leave both unset",
        });
    })
    .safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Dateline's environment is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** DATELINE_ variables read outside the schema: the cluster's workers, the build, the tests. */
const READ_ELSEWHERE = [
  "DATELINE_WORKER_ID",
  "DATELINE_OUTPUT",
  "DATELINE_NEXT_CACHE_BYTES",
  "DATELINE_REQUIRE_AUDIT",
  "DATELINE_E2E_ENGINE",
  "DATELINE_TEST_DATABASE",
  "DATELINE_TEST_DIR",
];

/** Edits between two names (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * DATELINE_ variables that no part of Dateline reads, each with the setting it is nearest to (a
 * misspelt media store setting was ignored without a word, and photos went to the local disk).
 */
export function unknownSettings(source: Record<string, string | undefined>): { name: string; nearest: string | null }[] {
  const known = [...Object.keys(envSchema.shape), ...READ_ELSEWHERE].filter((name) => name.startsWith("DATELINE_"));
  return Object.keys(source)
    .filter((name) => name.startsWith("DATELINE_") && !known.includes(name))
    .map((name) => {
      const [nearest] = known.map((k) => [k, distance(name, k)] as const).sort((x, y) => x[1] - y[1]);
      return { name, nearest: nearest && nearest[1] <= 4 ? nearest[0] : null };
    });
}

/** The one reader of process.env: validated once, when first imported. */
export const env: Env = parseEnv(process.env);

// next-auth reads its own variable for the site's origin; keep it in step with ours.
process.env.NEXTAUTH_URL ??= env.DATELINE_SITE_URL;

/**
 * The session signing secret. A production server refuses to run without one;
 * `npm start` generates one into .env.local for a local install (scripts/start.ts).
 */
export function requireAuthSecret(): string {
  return authSecretFrom(env);
}

/** requireAuthSecret's rule, for any environment. */
export function authSecretFrom(e: Pick<Env, "NEXTAUTH_SECRET" | "NODE_ENV" | "NEXT_PHASE">): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  // `next build` loads server modules to analyse them; it never signs a session.
  if (e.NEXT_PHASE === "phase-production-build") return "build-time-placeholder-never-used-to-sign";
  if (e.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Dateline refuses to start in production without it: " +
        "set it to a random string of 32+ characters (e.g. `openssl rand -base64 48`).",
    );
  }
  // Development and tests without a configured secret get a fixed, clearly non-production one.
  return "dateline-development-secret-not-for-production-use";
}
