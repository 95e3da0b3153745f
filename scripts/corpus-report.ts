/**
 * Where every document of the docs corpus (../shared/corpus) ends after ten simulated
 * minutes, counted by kind. Run: npm run corpus  (add --stuck or --inert to list those).
 */
import { corpusFiles, judgeFile, summarize } from '../test/corpus/endState.ts'

const results = corpusFiles().flatMap(judgeFile)
console.log(summarize(results))
for (const flag of ['stuck', 'inert', 'refused'] as const) {
  if (!process.argv.includes(`--${flag}`)) continue
  console.log(`\n${flag}:`)
  for (const r of results.filter((x) => x.state === flag)) console.log(`  ${r.file}  ${r.kind}/${r.name}${r.detail ? `  (${r.detail})` : ''}`)
}
