import { WARCParser, WARCRecord, WARCSerializer } from "warcio";

/** What a WARC response record keeps of one fetch. */
export type WarcResponse = {
  url: string;
  fetchedAt: Date;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
};

const REASONS: Record<number, string> = { 200: "OK", 203: "Non-Authoritative Information", 404: "Not Found", 410: "Gone" };

/**
 * One fetch as a gzipped WARC/1.1 `response` record (ISO 28500), the format web archives read
 * (pywb, ReplayWeb.page, the Internet Archive's tools). Its payload digest is SHA-256.
 */
export async function toWarcRecord(response: WarcResponse): Promise<Buffer> {
  // Headers that describe the transfer, not the content: the body kept is already decoded and whole.
  const httpHeaders = Object.entries(response.headers).filter(([name]) => !/^(transfer-encoding|content-encoding|connection)$/i.test(name));
  const record = WARCRecord.create(
    {
      url: response.url,
      date: response.fetchedAt.toISOString(),
      type: "response",
      warcVersion: "WARC/1.1",
      statusline: `HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ""}`.trimEnd(),
      httpHeaders,
    },
    [new Uint8Array(response.body)],
  );
  const bytes = await WARCSerializer.serialize(record, { gzip: true, digest: { algo: "sha-256", prefix: "sha256:", base32: true } });
  return Buffer.from(bytes);
}

/** Reads a record written by toWarcRecord back: its address, date, status, headers and body. */
export async function readWarcRecord(data: Buffer): Promise<WarcResponse & { payloadDigest: string | null }> {
  const record = await WARCParser.parse([new Uint8Array(data)]);
  if (!record) throw new Error("No WARC record in that file.");
  const body = Buffer.from(await record.readFully(false));
  const headers: Record<string, string> = {};
  for (const [name, value] of record.httpHeaders?.headers ?? []) headers[name.toLowerCase()] = value;
  return {
    url: record.warcTargetURI ?? "",
    fetchedAt: new Date(record.warcDate ?? 0),
    status: Number(record.httpHeaders?.statusCode ?? 0),
    headers,
    body,
    payloadDigest: record.warcPayloadDigest ?? null,
  };
}
