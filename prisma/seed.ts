// `npm run db:seed`: seeds the demo newsroom (idempotent) and prints how to sign in.
import "../lib/ops/load-env";
import { seedDemoNewsroom } from "../lib/seed/seed";
import { env } from "../lib/env";
import { expiryRecordsWritten } from "../lib/cache/shared-expiry";

const result = await seedDemoNewsroom();
// Servers already running hear of the new stories (and purge Varnish for them) once this is written.
await expiryRecordsWritten();
console.log(`Seeded the demo newsroom: ${result.articlesCreated} new stories.`);
if (result.admin.password) {
  console.log(
    `\n  Sign in at ${env.DATELINE_SITE_URL}/admin\n  email:    ${result.admin.email}\n  password: ${result.admin.password}\n\n  This password is shown once. Change it after you sign in.\n`,
  );
} else if (result.admin.created) {
  console.log(`Created ${result.admin.email} with the password from DATELINE_ADMIN_PASSWORD.`);
}
