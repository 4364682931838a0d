// Imported first by scripts/server.ts: the server runs a production build.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
