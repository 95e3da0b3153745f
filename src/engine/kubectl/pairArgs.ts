import { KubectlError } from './resolve.ts'

/**
 * GetResourcesAndPairs (kubectl/pkg/cmd/util): the words before the first `KEY=VALUE`
 * or `KEY-` name resources, the rest are changes; a resource after a change is refused.
 */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (isPair) pairs.push(s)
    else if (pairs.length === 0) resources.push(s)
    else throw new KubectlError(`error: all resources must be specified before ${pairType} changes: ${s}`)
  }
  return { resources, pairs }
}

/** Adds in order of the arguments (a later `k=v` of the same key wins, as in kubectl's map), and removals. */
export interface PairChanges {
  add: Map<string, string>
  remove: string[]
}
