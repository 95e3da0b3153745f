import { describe, expect, it } from 'vitest'
import { kubectl, newSim, podYaml } from '../../test/helpers.ts'
import { runKubectl } from '../engine/kubectl/runKubectl.ts'
import { splitCommandLine } from '../engine/kubectl/args.ts'
import { editorFileReader } from './editorFiles.ts'

describe("the browser's -f: the editor's text", () => {
  const files = [{ name: 'manifest.yaml', text: podYaml('web', 'nginx:1.27') }]
  const run = (sim: ReturnType<typeof newSim>, line: string) => runKubectl(sim, splitCommandLine(line), { readPath: editorFileReader(files) })

  it('apply -f manifest.yaml and delete -f manifest.yaml act on what the editor holds', () => {
    const sim = newSim()
    expect(run(sim, 'apply -f manifest.yaml')).toBe('pod/web created\n')
    sim.advance(10_000)
    expect(kubectl(sim, 'get pods --no-headers -o name')).toBe('pod/web\n')
    expect(run(sim, 'delete -f ./manifest.yaml --wait=false')).toMatch(/^pod "web" deleted/)
  })

  it('any other path does not exist', () => {
    expect(run(newSim(), 'delete -f other.yaml')).toBe('error: the path "other.yaml" does not exist\n')
  })
})
