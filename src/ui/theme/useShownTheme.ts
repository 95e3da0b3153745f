import { resolveTheme, useDisplay } from './displaySettings.ts'
import { useSystemDark } from './useSystemDark.ts'

/** The theme on screen now: the person's choice, or the system's while they have made none. */
export function useShownTheme(): 'light' | 'dark' {
  return resolveTheme(useDisplay((s) => s.theme), useSystemDark())
}
