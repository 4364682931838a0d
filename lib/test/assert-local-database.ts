import os from "node:os";

/** Refuses to run tests against anything but a SQLite file under the system's temp folder. */
export function assertLocalTestDatabase(url: string | undefined): string {
  const file = url?.replace(/^file:/, "") ?? "";
  if (!file.startsWith(os.tmpdir()) || !file.includes("dateline-")) {
    throw new Error(`Refusing to run tests against ${url}: expected a temporary dateline-* SQLite file.`);
  }
  return file;
}
