// Owns the names of the files a build can write, on their own so the app's
// Build setup can offer them without loading the build (and through it the
// deck, the schemas and zod) with its first frame.
export const FORMATS = ['html', 'pdf', 'handout', 'md'] as const
export type Format = (typeof FORMATS)[number]
