import http from "node:http";
import type { AddressInfo } from "node:net";

/** How the source server answers one path: a page, a redirect, silence, or a body of `bytes` bytes. */
export type SourceAnswer =
  | { status?: number; headers?: Record<string, string>; body: string | Buffer }
  | { redirect: string; status?: number }
  | { hang: true }
  | { bytes: number };

/**
 * A local HTTP server that plays the sources stories cite, for the tests and the benchmark of
 * archived copies and link checks (lib/sources/): each path answers what `set` last said (a page,
 * a redirect, a large body, no answer at all); unknown paths answer 404. `hits` counts requests.
 * Listening on 127.0.0.1 (or `host`, another loopback address), it is reachable only through the
 * outbound guard's explicit allow list.
 */
export async function startSourceServer(port = 0, host = "127.0.0.1") {
  const answers = new Map<string, SourceAnswer>();
  const hits = new Map<string, number>();
  const agents: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    agents.push(String(req.headers["user-agent"]));
    const answer = answers.get(path);
    if (!answer) {
      res.writeHead(404, { "content-type": "text/html" });
      return res.end("<html><body><h1>Not found</h1></body></html>");
    }
    if ("hang" in answer) return; // Never answers: the client's time limit ends it.
    if ("redirect" in answer) {
      res.writeHead(answer.status ?? 302, { location: answer.redirect });
      return res.end();
    }
    if ("bytes" in answer) {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let left = answer.bytes;
      const write = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(chunk.length, left));
          left -= part.length;
          if (!res.write(part)) return void res.once("drain", write);
        }
        res.end();
      };
      req.socket.on("close", () => (left = 0));
      return write();
    }
    res.writeHead(answer.status ?? 200, { "content-type": "text/html; charset=utf-8", ...answer.headers });
    res.end(answer.body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    origin: `http://${host}:${actual}`,
    url: (path: string) => `http://${host}:${actual}${path}`,
    set: (path: string, answer: SourceAnswer) => void answers.set(path, answer),
    remove: (path: string) => void answers.delete(path),
    hits,
    agents,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type SourceServer = Awaited<ReturnType<typeof startSourceServer>>;

/** A news-like page: a title, navigation and footer (which the readable text leaves out), and paragraphs. */
export function sourcePage(title: string, paragraphs: string[], extraHead = ""): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${extraHead}
<style>body{background:red}</style><script>document.title = "scripted"</script></head>
<body><nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article>
<footer>Copyright the publisher. All rights reserved.</footer></body></html>`;
}
