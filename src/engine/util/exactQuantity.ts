/**
 * resource.Quantity as apimachinery keeps it: an exact amount (here in nano-units, as a
 * bigint, so sums of `100m` never drift) and the format it prints in. Quota and
 * LimitRange arithmetic and messages need both: `512Mi` stays binary, `1500m` decimal,
 * and `String()` is the canonical form the API server hands back.
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface Quantity {
  nano: bigint
  format: QuantityFormat
}

const NANO = 10n ** 9n
const PATTERN = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY_EXP: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

export const zeroQuantity = (format: QuantityFormat = 'DecimalSI'): Quantity => ({ nano: 0n, format })

/** Parses `500m`, `1.5Gi`, `2e3`, `1`; undefined when the text is not a quantity. */
export function parseExactQuantity(input: string | number): Quantity | undefined {
  const text = typeof input === 'number' ? String(input) : input.trim()
  const m = PATTERN.exec(text)
  if (!m) return undefined
  const [, sign, whole, fraction = '', suffix] = m
  if (!whole && !fraction) return undefined
  let exp10 = 0
  let exp2 = 0
  let format: QuantityFormat
  if (suffix in DECIMAL_EXP) {
    exp10 = DECIMAL_EXP[suffix]
    format = 'DecimalSI'
  } else if (suffix in BINARY_EXP) {
    exp2 = BINARY_EXP[suffix]
    format = 'BinarySI'
  } else {
    const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix)
    if (!e) return undefined
    exp10 = Number(e[1])
    format = 'DecimalExponent'
  }
  let nano = BigInt((whole || '0') + fraction) * 2n ** BigInt(exp2)
  const scale = 9 + exp10 - fraction.length
  if (scale >= 0) nano *= 10n ** BigInt(scale)
  else {
    // Precision below a nano-unit rounds up, as the API server does.
    const div = 10n ** BigInt(-scale)
    nano = (nano + div - 1n) / div
  }
  return { nano: sign === '-' ? -nano : nano, format }
}

/** Quantity.String(): the canonical form, e.g. `1500m`, `1536Mi`, `15k`, `0`. */
export function formatExactQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0'
  const negative = q.nano < 0n
  const abs = negative ? -q.nano : q.nano
  const sign = negative ? '-' : ''
  if (q.format === 'BinarySI' && abs >= 1024n * NANO && abs % NANO === 0n) {
    let units = abs / NANO
    let i = 0
    while (i < BINARY_SUFFIX.length - 1 && units % 1024n === 0n) {
      units /= 1024n
      i++
    }
    return `${sign}${units}${BINARY_SUFFIX[i]}`
  }
  // Decimal: the largest power of 1000 that leaves a whole mantissa.
  let exp = -9
  let mantissa = abs
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n
    exp += 3
  }
  if (q.format === 'DecimalExponent') return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`
  return `${sign}${mantissa}${DECIMAL_SUFFIX[exp]}`
}

/** The canonical text of a quantity as written (`0.5` → `500m`), or the input when it is not one. */
export function canonicalQuantity(input: string | number): string {
  const key = typeof input === 'number' ? `#${input}` : input
  let canonical = canonicalCache.get(key)
  if (canonical === undefined) {
    const q = parseExactQuantity(input)
    canonical = q ? formatExactQuantity(q) : String(input)
    // Every pod of a template repeats the same few quantities; keep the cache small.
    if (canonicalCache.size >= 1024) canonicalCache.clear()
    canonicalCache.set(key, canonical)
  }
  return canonical
}

const canonicalCache = new Map<string, string>()

/** Quantity.Add: a zero amount takes the other's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format }
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0
}

/** Quantity.MilliValue(), rounded up. */
export function milliValue(q: Quantity): bigint {
  const div = 10n ** 6n
  return q.nano >= 0n ? (q.nano + div - 1n) / div : q.nano / div
}

/** Quantity.Value(), rounded up. */
export function wholeValue(q: Quantity): bigint {
  return q.nano >= 0n ? (q.nano + NANO - 1n) / NANO : q.nano / NANO
}

/** resource.NewQuantity(value, format): a whole amount in another format (describe quota re-formats used this way). */
export function withFormat(q: Quantity, format: QuantityFormat): Quantity {
  return { nano: wholeValue(q) * NANO, format }
}

export const quantityOfCount = (n: number): Quantity => ({ nano: BigInt(n) * NANO, format: 'DecimalSI' })
