import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { cliFailure } from "./cli";

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
};

describe("a command-line script's failure", () => {
  it("is a sentence, not a stack trace (a mistyped option or a folder for a file printed Node's stack)", () => {
    const option = thrown(() => parseArgs({ args: ["--rol", "ADMIN"], options: { role: { type: "string" } } }));
    expect(cliFailure(option)).toBe("Unknown option '--rol'. See the usage at the top of the script, or the README.");
    expect(cliFailure(thrown(() => fs.readFileSync(os.tmpdir())))).toBe("A folder was given where a file is needed.");
    expect(cliFailure(thrown(() => fs.rmdirSync(`${os.tmpdir()}/no-such-folder-${process.pid}`)))).toBe(
      `There is no file or folder at ${os.tmpdir()}/no-such-folder-${process.pid}.`,
    );
    expect(cliFailure(thrown(() => fs.readFileSync("/no/such/export.xml")))).toBe("There is no file or folder at /no/such/export.xml.");
    expect(cliFailure(new AppError("invalid", "Choose a role."))).toBe("Choose a role.");
    expect(cliFailure(new Error("first line\n    at somewhere (file.ts:1:1)"))).not.toContain("    at somewhere");
    const prisma =
      "\nInvalid `tx.user.findUnique()` invocation in\n/srv/lib/users/mutations.ts:19:36\n\n  18 return db.$transaction(async (tx) => {\n→ 19   const existing = await tx.user.findUnique(\nThe table `main.User` does not exist in the current database.";
    expect(cliFailure(new Error(prisma))).toBe("Failed: The table `main.User` does not exist in the current database.");
  });
});
