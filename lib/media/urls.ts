import { env } from "../env";

/** The public address of a stored media file: Dateline's /media route, or DATELINE_MEDIA_PUBLIC_BASE_URL when set. */
export const mediaUrl = (storageKey: string) =>
  env.DATELINE_MEDIA_PUBLIC_BASE_URL ? `${env.DATELINE_MEDIA_PUBLIC_BASE_URL}/${storageKey}` : `/media/${storageKey}`;
