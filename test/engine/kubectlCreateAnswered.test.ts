import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitCommandLine } from '../../src/engine/kubectl/args.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { newSim } from '../helpers.ts'
import { asKubectl135 } from './kubectlVersionDifferences.ts'

/**
 * `create|run|expose … -o json` without --dry-run print the server's answer decoded into
 * kubectl's Go structs. fixtures/kubectlCreateAnswered/v132.txt is what the real kubectl
 * v1.32 printed when a fake API server answered with kubesim's own objects, keys sorted
 * (capture.sh): the field order there is kubectl's alone, and kubesim must print it.
 */
const DIR = join(__dirname, 'fixtures/kubectlCreateAnswered')

function blocks(): { line: string; expected: string }[] {
  return readFileSync(join(DIR, 'v132.txt'), 'utf8')
    .split(/^### kubectl /m)
    .slice(1)
    .map((block) => {
      const nl = block.indexOf('\n')
      return { line: block.slice(0, nl), expected: block.slice(nl + 1) }
    })
}

/** resourceVersions count every write since the cluster started (its add-ons too): the order of fields is what is compared. */
const sameVersions = (json: string) => json.replace(/"resourceVersion": "\d+"/g, '"resourceVersion": "N"')

describe('create, run and expose -o json print the answer in kubectl’s Go field order', () => {
  it('matches the real kubectl, command after command', () => {
    // The cluster the answers were captured from: no add-ons, so uids and resourceVersions match.
    const sim = newSim({ coreDns: false, metricsServer: false })
    const all = blocks()
    expect(all).toHaveLength(17)
    for (const { line, expected } of all) {
      const printed = runKubectl(sim, splitCommandLine(line), {})
      expect({ line, printed: sameVersions(printed) }).toEqual({ line, printed: sameVersions(asKubectl135(expected)) })
    }
  })
})
