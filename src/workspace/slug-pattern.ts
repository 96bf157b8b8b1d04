// The pattern of a safe id (see slug.ts), on its own so that code on the
// start-up path can test an id without loading zod.
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/
