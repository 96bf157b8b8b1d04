// Owns opening a URL in the user's browser: the platform's own opener, run
// with the URL as one argument (never through a shell), detached. A browser
// that does not open is the user's to open by hand, so failure is a warning.
import { spawn } from 'node:child_process'

export interface OpenCommand {
  readonly command: string
  readonly args: readonly string[]
}

export function openCommand(url: string, platform: NodeJS.Platform = process.platform): OpenCommand {
  if (platform === 'darwin') return { command: 'open', args: [url] }
  // `start` is a cmd.exe built-in; rundll32's URL handler takes the URL as one argument without cmd's parsing of & and ^.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] }
  return { command: 'xdg-open', args: [url] }
}

/** Resolves to undefined when the opener started, or to why it did not. */
export function openInBrowser(url: string): Promise<string | undefined> {
  const { command, args } = openCommand(url)
  return new Promise((resolve) => {
    let child
    try {
      child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false })
    } catch (error) {
      resolve(`${command}: ${(error as Error).message}`)
      return
    }
    child.once('error', (error) => resolve(`${command}: ${error.message}`))
    child.once('spawn', () => {
      child.unref()
      resolve(undefined)
    })
  })
}
