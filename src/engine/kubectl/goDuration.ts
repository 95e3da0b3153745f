/**
 * Go's time.ParseDuration, as pflag's DurationVar reads `--timeout=30s`: a sign, then
 * decimal numbers each with a unit (ns, us, µs, ms, s, m, h); a bare `0` is allowed.
 * Returns milliseconds, or Go's error text (`time: unknown unit "x" in duration "1x"`).
 */
export function parseGoDuration(text: string): number | { error: string } {
  const quoted = JSON.stringify(text)
  const sign = text.startsWith('-') ? -1 : 1
  let rest = text.replace(/^[-+]/, '')
  if (rest === '0') return 0
  if (rest === '') return { error: `time: invalid duration ${quoted}` }
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
  let total = 0
  while (rest !== '') {
    const number = /^(\d+\.?\d*|\.\d+)/.exec(rest)
    if (!number) return { error: `time: invalid duration ${quoted}` }
    rest = rest.slice(number[0].length)
    const unit = /^[^0-9.]*/.exec(rest)![0]
    if (unit === '') return { error: `time: missing unit in duration ${quoted}` }
    if (!(unit in units)) return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` }
    rest = rest.slice(unit.length)
    total += Number(number[1]) * units[unit]
  }
  return sign * total
}
