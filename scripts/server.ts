// The production server: Next.js behind the in-memory front cache of lib/front-cache.ts.
// `npm start` runs it after its setup; `PORT` and `HOSTNAME` choose where it listens.
import "./lib/production";
import "../lib/load-env";
import http from "node:http";
import path from "node:path";
import next from "next";
import { FrontCache, installFrontCache } from "../lib/front-cache";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const app = next({ dev: false, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();
const cache = installFrontCache(new FrontCache());

const server = http.createServer((req, res) => cache.handle(req, res, () => handle(req, res)));
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Dateline is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
