import { DESCRIBE_TABWRITER, tabwrite } from './tabwriter.ts'

/**
 * kubectl describe's PrefixWriter over one tabwriter: `write(level, text)` indents by
 * two spaces per level; `flush()` ends the current alignment block, as
 * DescribeEvents does before its table.
 */
export class DescribeWriter {
  private done = ''
  private pending = ''

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text
  }

  flush(): void {
    this.done += tabwrite(this.pending, DESCRIBE_TABWRITER)
    this.pending = ''
  }

  toString(): string {
    this.flush()
    return this.done
  }
}

/** `Mon, 05 Jan 2026 09:00:00 +0000`: Go's time.RFC1123Z, used by describe. */
export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return '<unset>'
  const d = new Date(timestamp)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const p = (n: number) => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}
