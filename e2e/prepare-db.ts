// Resets the end-to-end database: fresh file, real migrations, the demo seed, and one
// account per role made with the server command `npm run user:create`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { ACCOUNTS, E2E_ENV, PASSWORD } from "./env";

const env = { ...process.env, ...E2E_ENV };
fs.rmSync("data/e2e", { recursive: true, force: true });
fs.mkdirSync("data/e2e", { recursive: true });
const run = (args: string[], extra: Record<string, string> = {}) =>
  execFileSync("npx", args, { stdio: "inherit", env: { ...env, ...extra } });

run(["prisma", "migrate", "deploy"]);
run(["tsx", "prisma/seed.ts"]);
for (const account of Object.values(ACCOUNTS)) {
  run(["tsx", "scripts/user-create.ts", "--email", account.email, "--role", account.role, "--name", `E2E ${account.role.toLowerCase()}`], {
    DATELINE_NEW_USER_PASSWORD: PASSWORD,
  });
}
// A published story with hostile text in every field a reader sees (e2e/public/hostile.spec.ts).
run(["tsx", "e2e/seed-hostile.ts"]);
