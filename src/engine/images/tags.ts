/**
 * Which tags a repository publishes. A registry answers "not found" for any other tag, so
 * `nginx:1.999` and `nginx:1.27-doesnotexist` fail to pull, as they do against Docker Hub.
 */
export interface TagMatcher {
  test(tag: string): boolean
}

/** `M.m.first` … `M.m.last`: the patch releases of one minor series. */
export function patches(minor: string, last: number, first = 0): string[] {
  const out: string[] = []
  for (let p = first; p <= last; p++) out.push(`${minor}.${p}`)
  return out
}

/** Many series at once: `{ '1.26': 3, '1.27': 5 }` → every patch release of each. */
export function series(lastPatch: Record<string, number>, prefix = ''): string[] {
  return Object.entries(lastPatch).flatMap(([minor, last]) => patches(`${prefix}${minor}`, last))
}

/** `from` … `to` as plain numbers with a prefix: `range('2.', 10, 53)` → 2.10 … 2.53. */
export function range(prefix: string, from: number, to: number, suffix = ''): string[] {
  const out: string[] = []
  for (let n = from; n <= to; n++) out.push(`${prefix}${n}${suffix}`)
  return out
}

export interface TagSetOptions {
  /** Released versions (`1.27.3`). */
  versions?: string[]
  /**
   * Official Docker Hub images also publish the floating tags of every version: `1.27.3`
   * is also `1.27` and `1`. Registry.k8s.io images mostly do not.
   */
  floating?: boolean
  /** Tags that stand alone: `latest`, `alpine`, `curl`. */
  names?: string[]
  /** Channels that take suffixes like versions do: `stable` → `stable-alpine`. */
  channels?: string[]
  /** Variant suffixes any version or channel takes: `-alpine`, `-slim`, `-perl`. */
  suffixes?: string[]
}

/** A set of tags: a version or channel, optionally followed by exactly one known variant suffix, or a standalone name. */
export function tagSet(opts: TagSetOptions): TagMatcher {
  const bases = new Set<string>(opts.channels ?? [])
  for (const v of opts.versions ?? []) {
    bases.add(v)
    if (!opts.floating) continue
    const parts = v.split('.')
    for (let i = 1; i < parts.length; i++) bases.add(parts.slice(0, i).join('.'))
  }
  const names = new Set(opts.names ?? [])
  // Longest first, so `-alpine-perl` is tried before `-perl`.
  const suffixes = [...(opts.suffixes ?? [])].sort((a, b) => b.length - a.length)
  return {
    test(tag: string): boolean {
      if (names.has(tag) || bases.has(tag)) return true
      return suffixes.some((s) => tag.endsWith(s) && bases.has(tag.slice(0, -s.length)))
    },
  }
}

/** Exactly these tags. */
export function only(...tags: string[]): TagMatcher {
  return tagSet({ names: tags })
}
