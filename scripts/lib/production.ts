// Imported first by scripts/server.ts: the server runs a production build (or, with --dev, Next's development server).
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (process.argv.includes("--dev") ? "development" : "production") });
