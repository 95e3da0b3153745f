/**
 * π to `digits` significant digits, rounded, as Perl's `bpi(digits)` prints it
 * (`3.14159…`), by Machin's formula in BigInt: exact and deterministic.
 */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.floor(digits))
  const guard = 10n
  const scale = 10n ** (BigInt(n - 1) + guard)
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n
    let term = scale / x
    const x2 = x * x
    for (let k = 1n, sign = 1n; term !== 0n; k += 2n, sign = -sign) {
      sum += (sign * term) / k
      term /= x2
    }
    return sum
  }
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n)) // π × 10^(n-1+guard), give or take a few units
  const text = ((pi + 5n * 10n ** (guard - 1n)) / 10n ** guard).toString()
  return n === 1 ? text : `${text[0]}.${text.slice(1)}`
}
