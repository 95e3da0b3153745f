import { Cron } from 'croner'
import { parseDuration } from './duration.ts'

/**
 * CronJob schedules. Parsing and its error texts follow robfig/cron's standard parser
 * (what the API server and the CronJob controller use); finding the next time is
 * croner's, always from a time we pass (never the wall clock).
 */
export interface CronSchedule {
  /** The first scheduled time strictly after `afterMs` (Unix ms), or undefined if there is none. */
  next(afterMs: number): number | undefined
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}

interface Bounds {
  min: number
  max: number
  names?: string[]
}

const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
]

/** Go's strconv.Atoi followed by robfig's mustParseInt. */
function mustParseInt(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`)
  const n = Number(text)
  if (n < 0) throw new Error(`negative number (${n}) not allowed: ${text}`)
  return n
}

function parseIntOrName(text: string, b: Bounds): number {
  const i = b.names?.indexOf(text.toLowerCase()) ?? -1
  return i >= 0 ? i + b.min : mustParseInt(text)
}

/** robfig/cron getRange: one comma-separated part of a field. */
function checkRange(expr: string, b: Bounds): void {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0].split('-')
  let start: number
  let end: number
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min
    end = b.max
  } else {
    start = parseIntOrName(lowAndHigh[0], b)
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b)
    else throw new Error(`too many hyphens: ${expr}`)
  }
  let step = 1
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1])
    if (lowAndHigh.length === 1 && lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') end = b.max
  } else if (rangeAndStep.length > 2) throw new Error(`too many slashes: ${expr}`)
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`)
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`)
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0) throw new Error(`step of range should be a positive number: ${expr}`)
}

/**
 * Parses a schedule as cron.ParseStandard does (after an optional `TZ=`/`CRON_TZ=`
 * prefix). Throws an Error with robfig's message when it is not valid.
 */
export function parseCronSchedule(schedule: string, timeZone?: string): CronSchedule {
  let spec = schedule.trim()
  let zone = timeZone ?? 'UTC'
  const tz = /^(?:CRON_)?TZ=(\S+)\s+/.exec(spec)
  if (tz) {
    zone = tz[1]
    spec = spec.slice(tz[0].length).trim()
  }
  if (spec === '') throw new Error('empty spec string')
  if (spec.startsWith('@every ')) {
    const ms = parseDuration(spec.slice(7).trim())
    if (ms === undefined) throw new Error(`failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(spec.slice(7).trim())}`)
    const delay = Math.max(1000, Math.floor(ms / 1000) * 1000)
    return { next: (after) => Math.floor(after / 1000) * 1000 + delay }
  }
  if (spec.startsWith('@')) {
    const expanded = DESCRIPTORS[spec]
    if (!expanded) throw new Error(`unrecognized descriptor: ${spec}`)
    spec = expanded
  }
  const fields = spec.split(/\s+/)
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  fields.forEach((field, i) => field.split(',').forEach((part) => checkRange(part, FIELDS[i])))
  const cron = new Cron(fields.join(' '), { timezone: zone, paused: true, mode: '5-part', sloppyRanges: true, domAndDow: false })
  return {
    next(after) {
      const d = cron.nextRun(new Date(after))
      return d ? d.getTime() : undefined
    },
  }
}

/** Why Go's time.LoadLocation would refuse a CronJob's spec.timeZone, or undefined when it is fine (validateTimeZone). */
export function timeZoneError(tz: string): string | undefined {
  if (tz === '') return 'timeZone must be nil or non-empty string'
  if (tz === 'Local') return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'
  if (tz.split('/').some((part) => !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part))) return `unknown time zone ${tz}`
  if (tz === 'UTC') return undefined
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return undefined
  } catch {
    return `unknown time zone ${tz}`
  }
}

/** RFC 3339 in a time zone, as Go formats a time.Time in that location: `2026-01-05T04:05:00-05:00`, or `…Z` in UTC. */
export function rfc3339In(unixMs: number, timeZone?: string): string {
  const utc = new Date(unixMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return utc
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset' })
      .formatToParts(new Date(unixMs))
      .map((p) => [p.type, p.value]),
  )
  const offset = parts.timeZoneName === 'GMT' ? 'Z' : parts.timeZoneName.replace('GMT', '')
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}
