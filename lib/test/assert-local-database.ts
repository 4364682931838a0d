import os from "node:os";

/**
 * Refuses to run tests against anything but a SQLite file under the system's temp folder, or a
 * dateline_test* database of a PostgreSQL cluster on this machine (lib/test/pg-cluster.ts).
 */
export function assertLocalTestDatabase(url: string | undefined): string {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    if (u.hostname !== "127.0.0.1" || !u.pathname.startsWith("/dateline_test")) {
      throw new Error(`Refusing to run tests against ${url}: expected a dateline_test* database on 127.0.0.1.`);
    }
    return url;
  }
  const file = url?.replace(/^file:/, "") ?? "";
  if (!file.startsWith(os.tmpdir()) || !file.includes("dateline-")) {
    throw new Error(`Refusing to run tests against ${url}: expected a temporary dateline-* SQLite file.`);
  }
  return file;
}
