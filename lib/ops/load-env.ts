// Loads .env, .env.local and friends the way Next.js does, for scripts and the
// Prisma CLI that run outside Next. Import it before anything that reads lib/env.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
