import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db, isPostgres } from "./index";
import { databaseFilePath } from "./sqlite";
import { createPostgresAdapterFactory } from "./postgres";
import { env, parseEnv } from "../env";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, updateArticle } from "../articles/mutations/index";

let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits();
});

function writer(count: string, ackFile: string) {
  // node itself, not npx/tsx wrappers: SIGKILL must reach the process that writes.
  return spawn(process.execPath, ["--import", "tsx", "lib/test/writer-process.ts", count], {
    env: {
      ...process.env,
      ACK_FILE: ackFile,
      WRITER_VIEWER: JSON.stringify(editor),
      WRITER_BITS: JSON.stringify({ sectionId: bits.section.id, authorId: bits.author.id }),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

const exited = (child: ReturnType<typeof spawn>) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stderr }));
  });

const tmpFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-conc-")), name);

describe("saves under concurrency", () => {
  it("saves 50 different stories at once, and of two editors saving one story, exactly one gets a conflict", async () => {
    const stories = await Promise.all(
      Array.from({ length: 50 }, () => createArticle(editor, readyArticleInput(bits.section.id, bits.author.id))),
    );
    const saved = await Promise.allSettled(
      stories.map((s) =>
        updateArticle(editor, {
          ...readyArticleInput(bits.section.id, bits.author.id),
          slug: s.slug,
          headline: "Saved together",
          id: s.id,
          version: s.version,
        }),
      ),
    );
    expect(saved.filter((r) => r.status === "rejected")).toEqual([]);

    const one = stories[0]!;
    const settled = await Promise.allSettled(
      ["First editor", "Second editor"].map((headline) =>
        updateArticle(editor, {
          ...readyArticleInput(bits.section.id, bits.author.id),
          slug: one.slug,
          headline,
          id: one.id,
          version: one.version + 1,
        }),
      ),
    );
    const outcomes = settled.map((r) => (r.status === "fulfilled" ? "saved" : (r.reason as AppError).code)).sort();
    expect(outcomes).toEqual(["conflict", "saved"]);
  }, 60_000);

  it("two other processes saving at the same time as this one get no SQLITE_BUSY (transactions begin IMMEDIATE)", async () => {
    const ack = tmpFile("ack.txt");
    const children = [writer("15", ack), writer("15", ack)];
    const local = Promise.all(Array.from({ length: 15 }, () => createArticle(editor, readyArticleInput(bits.section.id, bits.author.id))));
    const results = await Promise.all(children.map(exited));
    await local;
    for (const r of results) {
      expect(r.stderr).not.toMatch(/SQLITE_BUSY|database is locked/i);
      expect(r.code).toBe(0);
    }
    expect(fs.readFileSync(ack, "utf8").trim().split("\n")).toHaveLength(30);
  }, 60_000);

  it("survives SIGKILL in the middle of saves, ten times: integrity_check ok and every acknowledged save present", async () => {
    const ack = tmpFile("ack.txt");
    fs.writeFileSync(ack, "");
    for (let round = 0; round < 10; round++) {
      const child = writer("forever", ack);
      const before = fs.readFileSync(ack, "utf8").length;
      // Kill once this round has acknowledged at least one save, mid-stream.
      for (let waited = 0; fs.readFileSync(ack, "utf8").length === before && waited < 15_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 120));
      child.kill("SIGKILL");
      await exited(child);
      // SQLite's file must pass its integrity check; PostgreSQL's server outlives its clients.
      if (!isPostgres) {
        const check = new Database(databaseFilePath(), { readonly: true });
        expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
        check.close();
      }
    }
    const acknowledged = fs.readFileSync(ack, "utf8").trim().split("\n");
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(await db.article.count({ where: { id: { in: acknowledged } } })).toBe(acknowledged.length);
  }, 120_000);
});

describe.skipIf(!isPostgres)("the PostgreSQL pool", () => {
  it("keeps at most DATELINE_PG_POOL_SIZE connections: queries beyond it wait their turn (the pool was fixed at 10)", async () => {
    expect(parseEnv({ DATELINE_PG_POOL_SIZE: "25" }).DATELINE_PG_POOL_SIZE).toBe(25);
    expect(parseEnv({}).DATELINE_PG_POOL_SIZE).toBe(10);
    expect(() => parseEnv({ DATELINE_PG_POOL_SIZE: "1" })).toThrow(/DATELINE_PG_POOL_SIZE: must be at least 2/);
    const adapter = await createPostgresAdapterFactory(env.DATABASE_URL, 2).connect();
    try {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 4 }, () => adapter.queryRaw({ sql: "SELECT 1 AS one FROM pg_sleep(0.3)", args: [], argTypes: [] })),
      );
      // Four 0.3 s queries on two connections: two rounds.
      expect(performance.now() - started).toBeGreaterThanOrEqual(580);
    } finally {
      await adapter.dispose();
    }
  });
});
