/** status.completedIndexes of an Indexed Job: `1,3-5,7` for {1,3,4,5,7} (pkg/controller/job/indexed_job_utils.go). */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; i++) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`)
    i = j
  }
  return parts.join(',')
}

export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>()
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number)
    for (let i = a; i <= (b ?? a); i++) out.add(i)
  }
  return out
}
