// A second process that saves stories into the test database, for the concurrency and crash
// tests: `tsx lib/test/writer-process.ts <count|forever>`. After each save commits it appends the
// story's id to ACK_FILE, so a test can check that every acknowledged save survived.
import fs from "node:fs";
import type { Viewer } from "../auth/viewer";
import { createArticle, updateArticle } from "../articles/mutations/index";
import { readyArticleInput } from "./factories";

const viewer = JSON.parse(process.env.WRITER_VIEWER!) as Viewer;
const { sectionId, authorId } = JSON.parse(process.env.WRITER_BITS!) as { sectionId: string; authorId: string };
const limit = process.argv[2] === "forever" ? Infinity : Number(process.argv[2] ?? 10);

for (let i = 0; i < limit; i++) {
  const input = readyArticleInput(sectionId, authorId);
  const saved = await createArticle(viewer, input);
  await updateArticle(viewer, { ...input, headline: `${input.headline} (edited)`, id: saved.id, version: saved.version });
  fs.appendFileSync(process.env.ACK_FILE!, `${saved.id}\n`);
}
process.exit(0);
