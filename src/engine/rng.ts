/**
 * Seeded pseudo-random numbers (mulberry32). Everything "random" in the engine —
 * generated pod suffixes, uids, scheduler tie-breaks, jitter — comes from here.
 */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)]
    return out
  }

  /** A version-4 shaped UUID. */
  uuid(): string {
    const h = this.string('0123456789abcdef', 32)
    const variant = '89ab'[this.int(4)]
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`
  }
}

/** The alphabet Kubernetes uses for generated names (k8s.io/apimachinery/pkg/util/rand). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
