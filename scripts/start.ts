// `npm start`: everything a fresh machine needs to serve Dateline on the embedded SQLite file:
// a local session secret, migrations, the demo newsroom on an empty database, a production
// build when the sources changed, then the servers (scripts/cluster.ts: scripts/server.ts on
// every core). Prints how to sign in.
import path from "node:path";
import { ensureLocalSecret } from "./lib/local-secret";
import { buildIsCurrent, writeBuildStamp } from "./lib/build-stamp";
import { run } from "./lib/run";
import { loadStartEnv } from "./lib/start-env";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

if (ensureLocalSecret(root) === "generated") {
  console.log("Generated a session secret (NEXTAUTH_SECRET) into .env.local for this local install.");
}

// lib/ reads the environment when first imported, so load it only after .env.local exists.
const env = await loadStartEnv();
const port = env.PORT;
const siteUrl = env.DATELINE_SITE_URL;

await run("npx", ["prisma", "migrate", "deploy"]);

const { isDatabaseEmpty, seedDemoNewsroom } = await import("../lib/seed/seed");
let signIn = `Sign in at ${siteUrl}/admin as ${env.DATELINE_ADMIN_EMAIL}.\n  Forgot the password? npm run user:create -- --email ${env.DATELINE_ADMIN_EMAIL} --reset`;
if (await isDatabaseEmpty()) {
  console.log("Empty database: seeding the demo newsroom…");
  const result = await seedDemoNewsroom();
  console.log(`Seeded ${result.articlesCreated} demo stories.`);
  if (result.admin.password) {
    signIn = `Sign in at ${siteUrl}/admin\n  email:    ${result.admin.email}\n  password: ${result.admin.password}\n  (shown this once; change it under "Your profile")`;
  }
}

if (buildIsCurrent(root)) {
  console.log("The production build is current.");
} else {
  console.log("Building Dateline (about a minute)…");
  await run("npm", ["run", "build"]);
  writeBuildStamp(root);
}

console.log(`\nDateline is starting on ${siteUrl}\n  ${signIn}\n`);
// One server process per core (DATELINE_WORKERS), all on PORT: scripts/cluster.ts, compiled by the
// build (plain JavaScript: no TypeScript compiler in the servers).
const server = await import("node:child_process").then(({ spawn }) =>
  spawn(process.execPath, [".next/dateline/cluster.mjs"], {
    stdio: "inherit",
    env: { ...process.env, DATELINE_SITE_URL: siteUrl, PORT: String(port) },
  }),
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
