/**
 * A Map that forgets its least recently written entries beyond `limit` (client-go's LRU
 * caches). Reads do not reorder: every caller writes back what it reads.
 */
export class LruMap<K, V> {
  private map = new Map<K, V>()

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key)
  }

  set(key: K, value: V): void {
    if (this.map.has(key)) this.map.delete(key)
    else if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as K)
    this.map.set(key, value)
  }

  get size(): number {
    return this.map.size
  }
}
