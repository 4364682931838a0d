import { withAuth } from "@/lib/auth/route";
import { wirePhotoFile } from "@/lib/wire/queries";

// GET /api/admin/wire/photos/[id] – a wire photo's file as the agency sent it, for the wire desk's item view (wire.view).
export const GET = withAuth<{ params: Promise<{ id: string }> }>(
  async (_request, { params }) => {
    const { id } = await params;
    const photo = await wirePhotoFile(id);
    return new Response(new Uint8Array(photo.data), {
      headers: {
        "content-type": photo.mimeType,
        "cache-control": "private, max-age=300",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  },
  { permission: "wire.view" },
);
