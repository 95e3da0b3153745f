/**
 * Kubernetes resource quantities (`500m`, `1.5`, `128Mi`, `1G`, `2e3`), parsed to
 * plain numbers: CPU in millicores, everything else in base units (bytes, count).
 */
const QUANTITY_PATTERN = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/

export const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
}

/** The quantity's value in base units, or undefined when it is not a valid quantity. */
export function parseQuantity(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined
  const match = QUANTITY_PATTERN.exec(input.trim())
  if (!match) return undefined
  const [, numberPart, suffix] = match
  const value = Number(numberPart)
  if (Number.isNaN(value)) return undefined
  if (suffix in SUFFIX) return value * SUFFIX[suffix]
  const exponent = /^[eE]([-+]?[0-9]+)$/.exec(suffix)
  if (exponent) return value * 10 ** Number(exponent[1])
  return undefined
}

export function isValidQuantity(input: string | number): boolean {
  return parseQuantity(input) !== undefined
}

/** CPU quantity in whole millicores, rounded up as the API server does. */
export function cpuMillis(input: string | number | undefined): number {
  if (input === undefined) return 0
  const v = parseQuantity(input)
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e6) / 1e3)
}

/** Memory (or any non-CPU) quantity in base units. */
export function quantityValue(input: string | number | undefined): number {
  if (input === undefined) return 0
  return Math.ceil(parseQuantity(input) ?? 0)
}

/** `250m`, `2`, as kubectl prints CPU amounts. */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`
}

/** `128Mi`, `8Gi`, `0`, as kubectl prints binary memory amounts. */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0'
  for (const [suffix, size] of [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes % size === 0) return `${bytes / size}${suffix}`
  }
  return String(bytes)
}
