/**
 * A throwaway PostgreSQL cluster for tests and for generating the PostgreSQL migrations: initdb
 * into a fresh temporary folder, pg_ctl start on a free local port (TCP on 127.0.0.1 only, trust
 * authentication for the one local user), stopped and deleted by stop(). PostgreSQL refuses to
 * run as root, so as root the server runs as the `postgres` system user (Debian's package
 * creates it). Binaries: $PG_BIN, else Debian's /usr/lib/postgresql/<newest>/bin, else PATH.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { findPgBin } from "../ops/pg-tools";

export { findPgBin };

export type PgCluster = {
  /** postgresql://dateline@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** Creates an empty database (dropped first if it exists). */
  createDatabase(name: string): void;
  dropDatabase(name: string): void;
  port: number;
  dir: string;
  binDir: string;
  stop(): void;
};

export const PG_USER = "dateline";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function runPg(binDir: string, name: string, args: string[], options: { input?: string } = {}) {
  const bin = path.join(binDir, name);
  const [cmd, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], input: options.input });
}

/** Starts a new cluster; throws with what to install when PostgreSQL is missing. */
export async function startPgCluster(
  options: { port?: number; /** PostgreSQL's own durability settings (for benchmarks). */ durable?: boolean } = {},
): Promise<PgCluster> {
  const binDir = findPgBin();
  if (!binDir) throw new Error("PostgreSQL is not installed. On Debian: sudo apt-get install -y postgresql (or set PG_BIN).");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-pg-"));
  fs.chmodSync(dir, 0o755);
  if (asRoot()) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = options.port ?? (await freePort());
  runPg(binDir, "initdb", ["-D", data, "-U", PG_USER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    // A test cluster: durability is not wanted, speed is.
    ...(options.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
    "-c max_connections=200",
  ].join(" ");
  runPg(binDir, "pg_ctl", ["-D", data, "-o", settings, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const psql = (database: string, sql: string) =>
    execFileSync(
      path.join(binDir, "psql"),
      ["-h", "127.0.0.1", "-p", String(port), "-U", PG_USER, "-d", database, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
      {
        stdio: "pipe",
      },
    );
  let stopped = false;
  const cluster: PgCluster = {
    port,
    dir,
    binDir,
    url: (database) => `postgresql://${PG_USER}@127.0.0.1:${port}/${database}`,
    createDatabase(name) {
      psql("postgres", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      psql("postgres", `CREATE DATABASE "${name}"`);
    },
    dropDatabase(name) {
      psql("postgres", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runPg(binDir, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return cluster;
}
