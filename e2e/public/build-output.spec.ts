import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures";

// What the production build says each server entry needs (Next's file traces, .next/**/*.nft.json),
// which `output: "standalone"` (DATELINE_OUTPUT=standalone npm run build, deploy/README.md) copies
// into .next/standalone. A path known only at run time (the wire folder, the import folder, photos,
// backups) once made the trace of instrumentation.ts take in the whole checkout — its databases,
// photos and tests included — so a standalone server carried the checkout's own data/.
test("the build's file traces hold no databases, photos, tests or scripts of the checkout", () => {
  const traces = fs
    .readdirSync(".next", { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".nft.json") && !file.startsWith("standalone/") && !file.startsWith("cache/"));
  expect(traces).toContain(path.join("server", "instrumentation.js.nft.json"));
  const root = path.resolve(".");
  const strays: string[] = [];
  for (const trace of traces) {
    const { files } = JSON.parse(fs.readFileSync(path.join(".next", trace), "utf8")) as { files: string[] };
    for (const file of files) {
      const relative = path.relative(root, path.resolve(".next", path.dirname(trace), file));
      if (/^(data|e2e|test-results|bench|scripts|deploy)\//.test(relative) || /\.(db|db-wal|db-shm)$/.test(relative))
        strays.push(`${trace}: ${relative}`);
    }
  }
  expect(strays).toEqual([]);
});
