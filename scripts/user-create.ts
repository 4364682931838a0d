// npm run user:create -- --email ada@example.org --role ADMIN [--name "Ada Lovelace"] [--reset]
// Creates a user (or, with --reset, sets a new password for an existing one) from the command line.
// The password comes from DATELINE_NEW_USER_PASSWORD or a hidden prompt; it is never an argument.
import "./lib/cli";
import "../lib/ops/load-env";
import { parseArgs } from "node:util";
import { env } from "../lib/env";
import { AppError } from "../lib/errors";
import { createUserWithPassword } from "../lib/users/mutations";
import { resetPasswordFromCli } from "../lib/users/cli";
import { promptHidden } from "./lib/prompt";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "WRITER" },
    name: { type: "string" },
    reset: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help || !values.email) {
  console.log("Usage: npm run user:create -- --email EMAIL [--role WRITER|EDITOR|ADMIN] [--name NAME] [--reset]");
  console.log("Password: from DATELINE_NEW_USER_PASSWORD, or typed at a hidden prompt (at least 12 characters).");
  process.exit(values.help ? 0 : 2);
}

async function readPassword(): Promise<string> {
  if (env.DATELINE_NEW_USER_PASSWORD) return env.DATELINE_NEW_USER_PASSWORD;
  if (!process.stdin.isTTY) {
    throw new AppError("invalid", "No terminal to ask for a password: set DATELINE_NEW_USER_PASSWORD.");
  }
  const first = await promptHidden("Password (12+ characters): ");
  const again = await promptHidden("Repeat the password: ");
  if (first !== again) throw new AppError("invalid", "The two passwords do not match.");
  return first;
}

try {
  const password = await readPassword();
  const email = values.email;
  if (values.reset) {
    await resetPasswordFromCli(email, password);
    console.log(`Set a new password for ${email.toLowerCase()}. Their other sessions have ended.`);
  } else {
    const name = values.name ?? email.split("@")[0]!;
    const role = values.role!.toUpperCase() as "WRITER";
    const user = await createUserWithPassword(null, { email, name, role, password });
    console.log(`Created ${user.role.toLowerCase()} ${user.email}. Sign in at ${env.DATELINE_SITE_URL}/admin`);
  }
  process.exit(0);
} catch (error) {
  if (error instanceof AppError) {
    // Named as the options are (--role, --email); "_form" is the whole input's, and needs no name.
    const fields = Object.entries(error.fieldErrors ?? {}).map(
      ([k, v]) => `  ${k === "_form" ? "" : k === "password" ? "password: " : `--${k}: `}${v?.join(" ")}`,
    );
    console.error([error.message, ...fields].join("\n"));
    process.exit(1);
  }
  throw error;
}
