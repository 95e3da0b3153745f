/**
 * How the app looks: theme (following the system unless the person chose one), presenter
 * mode, and the control-plane flow animation. Kept in localStorage with the other settings
 * (`kubesim.settings.v1`), and mirrored onto <html> as data-theme / data-presenter so the
 * stylesheets can follow.
 */
import { create } from 'zustand'
import { SETTINGS_KEY } from '../session/storedSession.ts'

export type ThemeChoice = 'system' | 'light' | 'dark'

export interface DisplaySettings {
  theme: ThemeChoice
  presenter: boolean
  /** Animate the path each apply takes through the control plane. */
  flow: boolean
}

const DEFAULTS: DisplaySettings = { theme: 'system', presenter: false, flow: false }

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

export function readDisplaySettings(raw: string | null | undefined): DisplaySettings {
  try {
    const data = JSON.parse(raw ?? '{}') as Record<string, unknown>
    return {
      theme: data.theme === 'light' || data.theme === 'dark' ? data.theme : 'system',
      presenter: data.presenter === true,
      flow: data.flow === true,
    }
  } catch {
    return { ...DEFAULTS }
  }
}

/** Merges into the stored settings object, keeping what other modules keep there. */
function save(settings: DisplaySettings): void {
  const s = storage()
  if (!s) return
  try {
    let current: Record<string, unknown> = {}
    try {
      const parsed = JSON.parse(s.getItem(SETTINGS_KEY) ?? '{}') as unknown
      if (parsed && typeof parsed === 'object') current = parsed as Record<string, unknown>
    } catch {
      // damaged settings: start again from these
    }
    s.setItem(SETTINGS_KEY, JSON.stringify({ ...current, ...settings }))
  } catch {
    // Settings are a convenience: a full storage only means they are not kept.
  }
}

export const useDisplay = create<DisplaySettings>()(() => readDisplaySettings(storage()?.getItem(SETTINGS_KEY)))

export function setDisplay(change: Partial<DisplaySettings>): void {
  useDisplay.setState(change)
  save(useDisplay.getState())
}

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice
}

/** The theme shown now. */
export function currentTheme(): 'light' | 'dark' {
  return resolveTheme(useDisplay.getState().theme, systemPrefersDark())
}

/** The toggle goes to the other theme of the one shown (an explicit choice from then on). */
export function toggleTheme(): void {
  setDisplay({ theme: currentTheme() === 'dark' ? 'light' : 'dark' })
}

export function togglePresenter(): void {
  setDisplay({ presenter: !useDisplay.getState().presenter })
}

const themeListeners = new Set<(theme: 'light' | 'dark') => void>()

/** Called with the shown theme whenever it changes (Monaco follows this way); returns the unsubscribe. */
export function onThemeChange(listener: (theme: 'light' | 'dark') => void): () => void {
  themeListeners.add(listener)
  return () => void themeListeners.delete(listener)
}

/** Keeps <html>'s attributes in step with the settings and the system's colour scheme. */
export function startDisplay(root: HTMLElement = document.documentElement): void {
  let shown: 'light' | 'dark' | null = null
  const apply = () => {
    const { presenter } = useDisplay.getState()
    const theme = currentTheme()
    root.dataset.theme = theme
    if (presenter) root.dataset.presenter = ''
    else delete root.dataset.presenter
    if (theme !== shown) {
      shown = theme
      for (const l of themeListeners) l(theme)
    }
  }
  apply()
  useDisplay.subscribe(apply)
  if (typeof matchMedia === 'function') matchMedia(DARK_QUERY).addEventListener('change', apply)
}
