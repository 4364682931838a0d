import { z } from "zod";
import { withAuth } from "@/lib/auth/route";
import { createImage } from "@/lib/media/ingest";
import { sweepReplacedFilesLater } from "@/lib/media/cleanup";
import { readUploadedFile, refusingTooLarge } from "@/lib/media/upload";
import { libraryFilterSchema, listLibrary, PICKER_PAGE_SIZE } from "@/lib/media/library";
import { getLibraryImages } from "@/lib/media/queries";

// POST /api/media – upload a photo to the library (any signed-in role; media.upload). The same file
// again answers 200 with the photo already there and the details stored on it.
export const POST = withAuth(
  refusingTooLarge(async (request, { viewer }) => {
    const { data, name } = await readUploadedFile(request);
    const image = await createImage(viewer, data, {}, name);
    sweepReplacedFilesLater();
    const [photo] = await getLibraryImages([image.id]);
    return Response.json(
      { id: image.id, existing: image.existing, photo, fromFile: image.fromFile },
      { status: image.existing ? 200 : 201 },
    );
  }),
  { permission: "media.upload" },
);

const pickerQuerySchema = libraryFilterSchema.pick({ q: true, page: true }).extend({
  ids: z
    .string()
    .max(2000)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v.split(",").filter(Boolean) : [])),
});

// GET /api/media?q=&page= – a page of library photos for the story editor's pickers, searched by
// caption, credit and file name; ?ids=a,b – those photos (any signed-in role; media.upload).
export const GET = withAuth(
  async (request) => {
    const query = pickerQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (query.ids.length > 0) return Response.json({ rows: await getLibraryImages(query.ids) });
    const { rows, total, page, pages } = await listLibrary({ q: query.q, page: query.page }, PICKER_PAGE_SIZE);
    return Response.json({ rows, total, page, pages });
  },
  { permission: "media.upload" },
);
