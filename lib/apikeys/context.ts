import { AsyncLocalStorage } from "node:async_hooks";

const state = globalThis as unknown as { datelineApiKeyContext?: AsyncLocalStorage<{ apiKeyId: string }> };

/** The API key a request is acting with, for the audit log (one store per process, shared by every bundle). */
const storage = (state.datelineApiKeyContext ??= new AsyncLocalStorage<{ apiKeyId: string }>());

/** Runs `fn` as a request made with the key `apiKeyId`: every audit event it records names the key. */
export function runAsApiKey<T>(apiKeyId: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ apiKeyId }, fn);
}

/** The key the current request acts with, or undefined (a request from the desk's own pages). */
export function currentApiKeyId(): string | undefined {
  return storage.getStore()?.apiKeyId;
}
