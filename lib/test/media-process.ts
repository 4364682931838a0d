// Another server process with its own photo store (whatever DATELINE_MEDIA_STORE and the S3 or
// folder variables in its environment say), for lib/media/store.int.test.ts:
//   tsx lib/test/media-process.ts upload <viewer JSON> <photo file>   adds the photo; prints {"id","sha256"}
//   tsx lib/test/media-process.ts delete <viewer JSON> <image id>     deletes the photo and its files
//   tsx lib/test/media-process.ts crash <viewer JSON> <photo file> <n> adds the photo, and dies (SIGKILL) as
//                                                                      its store's write n+1 is under way
import fs from "node:fs";
import type { Viewer } from "../auth/viewer";
import { db } from "../db";
import { createImage } from "../media/ingest";
import { deleteImage } from "../media/library";
import { mediaStore } from "../media/store";

const [mode, viewerJson, arg] = process.argv.slice(2);
const viewer = JSON.parse(viewerJson!) as Viewer;

if (mode === "upload") {
  const { id } = await createImage(viewer, fs.readFileSync(arg!), {}, "photo.jpg");
  const { sha256 } = await db.image.findUniqueOrThrow({ where: { id }, select: { sha256: true } });
  process.stdout.write(JSON.stringify({ id, sha256 }));
} else if (mode === "crash") {
  // The process dies the hard way (no handler runs) in the middle of an upload: a power cut, the
  // OOM killer, kill -9 during a deploy. The store itself is the real one.
  const put = mediaStore.put.bind(mediaStore);
  let done = 0;
  mediaStore.put = async (key, data) => {
    if (done === Number(process.argv[5])) {
      void put(key, data);
      setTimeout(() => process.kill(process.pid, "SIGKILL"), 1);
      return new Promise<never>(() => {});
    }
    await put(key, data);
    done++;
  };
  await createImage(viewer, fs.readFileSync(arg!), {}, "photo.jpg");
  process.stderr.write("the upload finished before the crash\n");
  process.exit(3);
} else if (mode === "delete") {
  await deleteImage(viewer, arg!);
}
process.exit(0);
