/** The public address of a stored media file. */
export const mediaUrl = (storageKey: string) => `/media/${storageKey}`;
