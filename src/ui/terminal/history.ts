/**
 * The terminal's command history, as a shell keeps it: ↑ walks back, ↓ forward, and
 * walking past the newest entry gives back what was being typed. Kept in sessionStorage,
 * so it survives a reload of the tab but not closing it.
 */
export interface HistoryStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const KEY = 'kubesim.terminal.history'
const MAX_ENTRIES = 200

export class CommandHistory {
  private entries: string[]
  /** Index into entries while walking; entries.length means "the line being typed". */
  private cursor: number
  private draft = ''

  constructor(private readonly storage?: HistoryStorage) {
    this.entries = CommandHistory.load(storage)
    this.cursor = this.entries.length
  }

  private static load(storage?: HistoryStorage): string[] {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string').slice(-MAX_ENTRIES) : []
    } catch {
      return []
    }
  }

  get all(): readonly string[] {
    return this.entries
  }

  /** Records a command run; a repeat of the previous one is not stored twice (bash's ignoredups). */
  push(command: string): void {
    if (command && this.entries.at(-1) !== command) this.entries = [...this.entries, command].slice(-MAX_ENTRIES)
    this.cursor = this.entries.length
    this.draft = ''
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.entries))
    } catch {
      // Storage full or forbidden: history still works for this page.
    }
  }

  /** ↑: the previous command, or undefined at the oldest. `current` is the line as typed now. */
  up(current: string): string | undefined {
    if (this.cursor === 0) return undefined
    if (this.cursor === this.entries.length) this.draft = current
    this.cursor--
    return this.entries[this.cursor]
  }

  /** ↓: the next command, then the line that was being typed; undefined when already there. */
  down(): string | undefined {
    if (this.cursor >= this.entries.length) return undefined
    this.cursor++
    return this.cursor === this.entries.length ? this.draft : this.entries[this.cursor]
  }
}
