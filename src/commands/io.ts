// Owns the streams a command talks through: the process's own, or a test's. On its own
// so that the commands' context can name it without importing main.ts (review B.5).
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  readonly stderr: NodeJS.WritableStream
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean }
}
