/**
 * Lets queued I/O callbacks run. Long loops whose awaits resolve as microtasks (an in-memory
 * parser, an embedded WASM database) would otherwise starve the HTTP server in the same process.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
