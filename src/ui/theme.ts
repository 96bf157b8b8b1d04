// Owns the app's colours, and NO_COLOR: when it is set (to anything but an
// empty string) no colour is used at all; selection and state still read
// through symbols (›, ✓, ✗) and bold, which are not colours.
import { createContext, useContext } from 'react'

export interface Theme {
  readonly accent?: string
  readonly ok?: string
  readonly bad?: string
  readonly warn?: string
  readonly muted?: string
}

const COLOURS: Theme = { accent: 'cyan', ok: 'green', bad: 'red', warn: 'yellow', muted: 'gray' }

export function themeFor(env: NodeJS.ProcessEnv = process.env): Theme {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? {} : COLOURS
}

export const ThemeContext = createContext<Theme>(COLOURS)

export function useTheme(): Theme {
  return useContext(ThemeContext)
}
