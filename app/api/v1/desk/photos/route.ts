import { deskApi, otherMethods } from "@/lib/api/handler";
import { ProblemStatus } from "@/lib/api/problem";
import { createImage } from "@/lib/media/ingest";
import { sweepReplacedFilesLater } from "@/lib/media/cleanup";
import { readUploadedFile, UploadTooLargeError } from "@/lib/media/upload";

// POST /api/v1/desk/photos – upload a photo (multipart `file`, optional altText, caption, credit, agency, copyright, license fields), checked like the desk's uploads (API key, write; media.upload).
export const POST = deskApi(
  async (request, { caller }) => {
    const upload = await readUploadedFile(request).catch((error: unknown) => {
      if (error instanceof UploadTooLargeError) throw new ProblemStatus(413, "invalid", error.message);
      throw error;
    });
    const image = await createImage(caller.viewer, upload.data, upload.fields, upload.name);
    sweepReplacedFilesLater();
    return { body: { id: image.id, existing: image.existing }, status: image.existing ? 200 : 201 };
  },
  { write: true, permission: "media.upload" },
);
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
