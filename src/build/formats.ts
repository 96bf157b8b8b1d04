// Owns the names of the files a build can write, on their own so the app's
// Build setup can offer them without loading the build (and through it the
// deck, the schemas and zod) with its first frame.
export const FORMATS = ['html', 'pdf', 'handout', 'md', 'share', 'png', 'pptx'] as const
export type Format = (typeof FORMATS)[number]

/**
 * What a build writes when no format is named: the four it always wrote.
 * The notes-free copy, the slide images and the PowerPoint are for mailing
 * and chat, asked for by name (`--format share,png,pptx`): a plain build
 * before a meeting does not pay for sixty screenshots and a PowerPoint.
 */
export const DEFAULT_FORMATS: readonly Format[] = ['html', 'pdf', 'handout', 'md']

/** The folder of the slide images (`--format png`) in a build folder. */
export const IMAGES_DIR = 'slides'

export interface ListedFile {
  readonly name: string
  readonly bytes: number
  /** The slide images, shown as one entry: how many, the first and the last name. */
  readonly images?: { readonly count: number; readonly first: string; readonly last: string }
}

/**
 * A build's files as a person reads them: each file on its own, and the slide
 * images (sixty of them is a normal deck) as one entry with their total size.
 */
export function listedFiles(files: readonly { readonly name: string; readonly bytes: number }[]): ListedFile[] {
  const prefix = `${IMAGES_DIR}/`
  const images = files.filter((file) => file.name.startsWith(prefix))
  const others: ListedFile[] = files.filter((file) => !file.name.startsWith(prefix))
  if (images.length === 0) return others
  const entry: ListedFile = {
    name: prefix,
    bytes: images.reduce((sum, file) => sum + file.bytes, 0),
    images: { count: images.length, first: images[0]!.name, last: images.at(-1)!.name.slice(prefix.length) },
  }
  return [...others, entry]
}
