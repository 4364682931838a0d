import { deskApi, otherMethods } from "@/lib/api/handler";
import { receiveWireDocument } from "@/lib/wire/push";

// POST /api/v1/wire/items – push one wire document (ninjs JSON, NewsML-G2 or RSS/Atom XML) to the wire desk (API key of the WIRE scope only).
export const POST = deskApi(async (request, { caller }) => receiveWireDocument(request, caller.viewer), {
  write: true,
  scope: "WIRE",
  permission: "wire.view",
});
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
