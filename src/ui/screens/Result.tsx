import { Box, Text } from 'ink'
import { join } from 'node:path'
import { useState } from 'react'
import type { BuildManifest } from '../../build/build.js'
import { listedFiles } from '../../build/formats.js'
import Frame from '../components/Frame.js'
import { displayPath } from '../../workspace/paths.js'
import { fit, formatBytes } from '../format.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import type { NavAction } from '../state.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly manifest: BuildManifest
  readonly company: string
  readonly open: (path: string) => Promise<void>
  readonly dispatch: (action: NavAction) => void
}

export default function Result({ manifest, company, open, dispatch }: Props) {
  const theme = useTheme()
  const { columns } = useTerminalSize()
  const [status, setStatus] = useState<{ text: string; error?: boolean }>()
  // As the user would type it from where they started showtell.
  const dir = displayPath(process.cwd(), manifest.outDir)
  const has = (name: string) => manifest.files.some((f) => f.name === name)

  const openFile = (name: string) => {
    if (!has(name)) {
      setStatus({ text: `This build has no ${name}`, error: true })
      return
    }
    const path = join(manifest.outDir, name)
    setStatus({ text: `Opening ${name}…` })
    open(path).then(
      () => setStatus({ text: `Opened ${join(dir, name)}` }),
      (error: Error) => setStatus({ text: `Could not open ${join(dir, name)}: ${error.message}`, error: true }),
    )
  }
  useScreenKeys((input) => {
    if (input === 'o') openFile('deck.html')
    else if (input === 'p') openFile('deck.pdf')
    // Just built: its numbers are fresh, so no refresh at the start (r takes them again).
    else if (input === 'P') {
      if (!has('deck.html')) setStatus({ text: 'This build has no deck.html to present: build it with the html format', error: true })
      else dispatch({ type: 'open', screen: { name: 'present', folder: manifest.outDir, reason: 'the deck just built', refreshAtStart: false } })
    }
    else return false
    return true
  })

  const ok = manifest.snapshots.filter((s) => s.status === 'ok').length
  const wide = columns >= 100
  // The slide images are one entry (slides/ ×24), not a screenful of names.
  const names = [...listedFiles(manifest.files).map((file) => ({ name: file.images ? `${file.name} ×${file.images.count}` : file.name, size: formatBytes(file.bytes) })), { name: 'build.json', size: 'manifest' }]
  // Side by side with the agenda when wide; otherwise two files to a line, so it all fits 80×24.
  const across = wide ? 1 : Math.max(1, Math.floor(columns / 36))
  const fileRows: (typeof names)[] = []
  for (let i = 0; i < names.length; i += across) fileRows.push(names.slice(i, i + across))
  const files = (
    <Box flexDirection="column" flexShrink={0} marginRight={4}>
      <Text bold>Files</Text>
      {fileRows.map((row, i) => (
        <Text key={i}>
          {row.map((file) => (
            <Text key={file.name}>
              {'  '}
              {file.name.padEnd(15)} <Text color={theme.muted}>{file.size.padStart(9)}</Text>
              {'         '}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  )
  const agenda = (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold>Slides per segment</Text>
      {manifest.agenda.map((segment) => (
        <Text key={segment.id} color={segment.placeholder ? theme.muted : undefined} wrap="truncate-end">
          {'  '}
          {fit(segment.title, 34)} {String(segment.minutes).padStart(2)} min {String(segment.slideCount).padStart(3)} slide{segment.slideCount === 1 ? '' : 's'}
        </Text>
      ))}
    </Box>
  )
  return (
    <Frame screen="result" title="deck ready" company={company} status={status}>
      <Text wrap="truncate-end">
        <Text bold color={theme.ok}>
          ✓ {manifest.topic.title}
        </Text>{' '}
        · {manifest.date} · {manifest.duration} min · {manifest.slideCount} slides
        {manifest.snapshots.length > 0 ? ` · snapshots ${ok}/${manifest.snapshots.length} ok` : ''}
      </Text>
      {manifest.warnings.length > 0 && (
        <Text color={theme.warn} wrap="truncate-end">
          ! {manifest.warnings.length === 1 ? '' : `${manifest.warnings.length} to check, first: `}
          {manifest.warnings[0]}
        </Text>
      )}
      <Text wrap="truncate-middle">
        <Text bold>Folder </Text>
        {dir}/
      </Text>
      <Box marginTop={1} flexDirection={wide ? 'row' : 'column'}>
        {files}
        {!wide && <Text> </Text>}
        {agenda}
      </Box>
    </Frame>
  )
}
