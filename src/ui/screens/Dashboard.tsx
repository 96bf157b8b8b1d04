import { Box, Text } from 'ink'
import { useState } from 'react'
import { comparisonWords, type Overview } from '../../overview/overview.js'
import { accountChange, fit, formatCount, gridNumber, shortLabel } from '../format.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import Frame from '../components/Frame.js'
import StatusMark from '../components/StatusMark.js'
import type { NavAction } from '../state.js'
import { useTheme } from '../theme.js'
import { join } from 'node:path'
import { ACTION_SHORT } from '../../audit/suggest.js'

export interface Props {
  readonly overview: Overview
  readonly dispatch: (action: NavAction) => void
  readonly open: (path: string) => Promise<void>
  /** The deck `P` presents: the next meeting's, or the latest (as `showtell present` picks). */
  readonly choosePresented: () => Promise<{ readonly folder: string; readonly reason: string }>
}

const CELL = 40

export default function Dashboard({ overview, dispatch, open, choosePresented }: Props) {
  const theme = useTheme()
  const { columns, rows } = useTerminalSize()
  const [status, setStatus] = useState<{ text: string; error?: boolean }>()
  const { next, accounts, audit, decks, comparison } = overview
  const names = overview.names

  useScreenKeys((input, key) => {
    if (key.return && next) dispatch({ type: 'open', screen: { name: 'build-setup', topicId: next.topicId, date: next.date } })
    else if (input === 't') dispatch({ type: 'open', screen: { name: 'topics' } })
    else if (input === 's') dispatch({ type: 'open', screen: { name: 'schedule' } })
    else if (input === 'a') dispatch({ type: 'open', screen: { name: 'accounts' } })
    else if (input === 'o') {
      const latest = decks.find((deck) => deck.files.includes('deck.html'))
      if (!latest) setStatus({ text: 'No deck yet: press Enter to build one', error: true })
      else {
        const path = join(latest.dir, 'deck.html')
        open(path).then(
          () => setStatus({ text: `Opened ${path}` }),
          (error: Error) => setStatus({ text: `Could not open ${path}: ${error.message}`, error: true }),
        )
      }
    } else if (input === 'P') {
      // Built earlier (often the evening before): fresh numbers as the meeting starts.
      choosePresented().then(
        (choice) => dispatch({ type: 'open', screen: { name: 'present', folder: choice.folder, reason: choice.reason, refreshAtStart: true } }),
        (error: Error) => setStatus({ text: error.message, error: true }),
      )
    } else return false
    return true
  })

  // Accounts in a grid of 40-character cells: 2 across at 80 columns, more when wider.
  const across = Math.max(1, Math.floor(columns / CELL))
  // Rows left after the fixed lines (title, next meeting, headings, gaps, status, keys):
  // every account first, then every finding, then the decks, each with at least one row.
  const avail = rows - 13 - (comparison ? 1 : 0)
  const unknownRow = (audit && audit.unknownPlatforms.length > 0 ? 1 : 0) + (audit && audit.brokenPlatforms.length > 0 ? 1 : 0)
  const wantAccounts = Math.max(1, Math.ceil(accounts.length / across))
  const wantFindings = audit?.unlisted.length ?? 0
  const findingRows = Math.min(wantFindings, Math.max(wantFindings > 0 ? 1 : 0, avail - wantAccounts - unknownRow - 1))
  const roomForAccounts = avail - findingRows - unknownRow - 1
  // When some accounts do not fit, the "+N more" line takes one of their rows.
  const accountRows = Math.max(1, wantAccounts <= roomForAccounts ? wantAccounts : roomForAccounts - 1)
  const deckRows = Math.max(1, Math.min(decks.length || 1, avail - accountRows - (accountRows < wantAccounts ? 1 : 0) - findingRows - unknownRow))
  const shownAccounts = accounts.slice(0, accountRows * across)
  const hidden = accounts.length - shownAccounts.length
  const grid: (typeof accounts)[] = []
  for (let i = 0; i < shownAccounts.length; i += across) grid.push(shownAccounts.slice(i, i + across))

  return (
    <Frame screen="dashboard" title="dashboard" company={overview.company} status={status}>
      {next ? (
        <Box flexDirection="column">
          <Text>
            <Text bold>Next meeting </Text>
            {next.weekday.slice(0, 3)} {next.date} {next.time} {next.timezone} · {next.duration} min
          </Text>
          <Text wrap="truncate-end">
            <Text bold>Topic        </Text>
            <Text color={theme.accent}>{next.topicTitle}</Text>
          </Text>
          <Text wrap="truncate-end" color={theme.muted}>
            {'             '}
            {next.reason} · Enter builds it
          </Text>
        </Box>
      ) : (
        <Text>No meeting is scheduled: set meeting.start and meeting.weekday in showtell.yaml.</Text>
      )}
      <Box marginTop={1} flexDirection="column">
        <Text bold>
          Accounts <Text color={theme.muted}>({accounts.length}; a for details and snapshots)</Text>
        </Text>
        {accounts.length === 0 && <Text color={theme.muted}>none in showtell.yaml yet</Text>}
        {grid.map((row, i) => (
          <Text key={i} wrap="truncate-end">
            {row.map((line) => (
              <Text key={line.id}>
                <StatusMark status={line.status} /> {fit(shortLabel(line.label, names), 16)} {fit(line.status === 'ok' || line.status === 'never' ? gridNumber(line) : line.status, 10)}{' '}
                <Text color={line.change && line.change.delta < 0 ? theme.bad : theme.ok}>{fit(accountChange(line), 9)}</Text>{' '}
              </Text>
            ))}
          </Text>
        ))}
        {hidden > 0 && <Text color={theme.muted}>+{hidden} more: press a</Text>}
        {comparison && (
          <Text wrap="truncate-end">
            <Text bold>How we compare </Text>
            {comparisonWords(comparison, { us: 'us', undated: true })}
          </Text>
        )}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {!audit && <Text color={theme.muted}>Loss of control: no audit yet (run showtell audit)</Text>}
        {/* With a rule broken, "none found" is not the all-clear: that platform could not tell. */}
        {audit && audit.unlisted.length === 0 && audit.brokenPlatforms.length === 0 && (
          <Text color={theme.ok}>Loss of control: no unlisted accounts in the last audit ({audit.ranAt.slice(0, 10)})</Text>
        )}
        {audit && audit.unlisted.length === 0 && audit.brokenPlatforms.length > 0 && (
          <Text color={theme.warn}>Loss of control: none found where the rules work, in the last audit ({audit.ranAt.slice(0, 10)})</Text>
        )}
        {audit && audit.unlisted.length > 0 && (
          <Text bold color={theme.warn}>
            Needs attention: {audit.unlisted.length} account{audit.unlisted.length === 1 ? '' : 's'} in our name, not in showtell.yaml{' '}
            {/* Fewer rows than finds: say how many show (the audit's date is on the Accounts and audit screens). */}
            {findingRows < audit.unlisted.length ? `(${findingRows} shown)` : `(audit ${audit.ranAt.slice(0, 10)})`}
          </Text>
        )}
        {audit?.unlisted.slice(0, findingRows).map((finding) => (
          <Text key={`${finding.platform}:${finding.handle}`} wrap="truncate-end">
            {'  '}
            {fit(finding.platform, 9)} {fit(finding.handle, 28)} {fit(finding.followers !== undefined ? formatCount(finding.followers) : '', 7)}{' '}
            <Text color={theme.warn}>→ {ACTION_SHORT[finding.action]}</Text>
          </Text>
        ))}
        {audit && audit.unknownPlatforms.length > 0 && (
          <Text color={theme.muted} wrap="truncate-end">
            {'  '}not checked: {audit.unknownPlatforms.map((p) => `${p.platform} (${p.reason})`).join(', ')}
          </Text>
        )}
        {audit && audit.brokenPlatforms.length > 0 && (
          <Text color={theme.bad} wrap="truncate-end">
            {'  '}rule broken this run: {audit.brokenPlatforms.map((p) => p.platform).join(', ')}: cannot tell present from absent today
          </Text>
        )}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Recent decks</Text>
        {decks.length === 0 && <Text color={theme.muted}>none yet: press Enter to build the next one</Text>}
        {decks.slice(0, deckRows).map((deck) => (
          <Text key={deck.folder} wrap="truncate-end">
            {'  '}
            {deck.date} {fit(deck.topicTitle, 36)} {deck.slideCount} slides · {deck.duration} min
          </Text>
        ))}
      </Box>
    </Frame>
  )
}
