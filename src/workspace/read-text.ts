// Reading a workspace file as text, or failing with one line that names it.
// On its own (no YAML parser, no zod) so that the start-up path can use it.
import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.js'

export async function readText(path: string, shown: string, hintWhenMissing?: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'unknown error'})`, {
      location: { file: shown },
      hint: code === 'ENOENT' ? hintWhenMissing : undefined,
    })
  }
}
