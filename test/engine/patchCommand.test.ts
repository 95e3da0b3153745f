import { describe, expect, it } from 'vitest'
import type { Deployment } from '../../src/engine/api/types.ts'
import { beginEdit, finishEdit } from '../../src/engine/kubectl/editSession.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { splitCommandLine } from '../../src/engine/kubectl/args.ts'
import { apply, deploymentYaml, newSim } from '../helpers.ts'

/** Runs a kubectl line with shell quoting, as the CLI does. */
function k(sim: ReturnType<typeof newSim>, line: string, files: Record<string, string> = {}): string {
  const readPath = (p: string) => (p in files ? [{ name: p, text: files[p] }] : undefined)
  return runKubectl(sim, splitCommandLine(line), { waitAdvancesTime: true, readPath })
}

function setup() {
  const sim = newSim()
  apply(sim, deploymentYaml('web', 2, 'nginx:1.27', '        env:\n        - {name: A, value: "1"}\n'))
  sim.advance(10_000)
  return sim
}

const web = (sim: ReturnType<typeof newSim>) => sim.store.get<Deployment>('Deployment', 'default', 'web')!

describe('kubectl patch', () => {
  it('patches through the API server and says when nothing changed', () => {
    const sim = setup()
    expect(k(sim, `patch deploy web -p '{"spec":{"replicas":3}}'`)).toBe('deployment.apps/web patched\n')
    expect(k(sim, `patch deploy web -p '{"spec":{"replicas":3}}'`)).toBe('deployment.apps/web patched (no change)\n')
    expect(web(sim).spec.replicas).toBe(3)
    expect(k(sim, `patch deployment/web -p 'spec: {replicas: 4}'`)).toBe('deployment.apps/web patched\n')
    expect(web(sim).spec.replicas).toBe(4)
  })

  it('merges containers by name with the default strategic type, and replaces lists with --type merge', () => {
    const sim = setup()
    k(sim, `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.28"}]}}}}'`)
    expect(web(sim).spec.template.spec.containers[0]).toMatchObject({ name: 'main', image: 'nginx:1.28', env: [{ name: 'A', value: '1' }] })
    k(sim, `patch deploy web --type merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.29"}]}}}}'`)
    expect(web(sim).spec.template.spec.containers[0].env).toBeUndefined()
  })

  it('applies JSON patches and prints what the server says when one does not apply', () => {
    const sim = setup()
    expect(k(sim, `patch deploy web --type json -p '[{"op":"add","path":"/metadata/labels","value":{"tier":"fe"}}]'`)).toBe('deployment.apps/web patched\n')
    expect(web(sim).metadata.labels).toEqual({ tier: 'fe' })
    expect(k(sim, `patch deploy web --type json -p '[{"op":"remove","path":"/spec/nope"}]'`)).toBe('The request is invalid: the server rejected our request due to an error in our request\n')
    expect(k(sim, `patch deploy web --type json -p '{"op":"add"}'`)).toBe('Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n')
  })

  it('refuses bad patches and invalid results with kubectl and API server words', () => {
    const sim = setup()
    expect(k(sim, `patch deploy web -p '{"spec":{"replicas":"x"}}'`)).toBe('The request is invalid: patch: Invalid value: "map[spec:map[replicas:x]]": unrecognized type: int32\n')
    expect(k(sim, `patch deploy web -p '{"spec":{"replicas":-1}}'`)).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n')
    expect(k(sim, `patch deploy web -p '{"spec":{"selector":{"matchLabels":{"app":"x"}}}}'`)).toBe(
      'The Deployment "web" is invalid: \n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n' +
        '* spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: field is immutable\n',
    )
    expect(k(sim, `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`)).toBe(
      'Error from server: map: map[image:x] does not contain declared merge key: name\n',
    )
    expect(k(sim, `patch deploy web -p '{"spec":{"replicass":3}}'`)).toBe('Warning: unknown field "spec.replicass"\ndeployment.apps/web patched (no change)\n')
    expect(k(sim, `patch deploy web -p '{"a":'`)).toBe('Error from server (BadRequest): invalid JSON patch\n')
    expect(k(sim, `patch deploy nope -p '{}'`)).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
  })

  it('checks its flags as kubectl does (verified with kubectl v1.32)', () => {
    const sim = setup()
    expect(k(sim, 'patch deploy web')).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n')
    expect(k(sim, `patch deploy web -p '{}' --patch-file x`)).toBe('error: cannot specify --patch and --patch-file together\n')
    expect(k(sim, `patch deploy web --type foo -p '{}'`)).toBe('error: --type must be one of [json merge strategic], not "foo"\n')
    expect(k(sim, `patch deploy web -p '{}' --dry-run=foo`)).toBe('error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n')
    expect(k(sim, `patch deploy -p '{}'`)).toBe('error: resource(s) were provided, but no name was specified\n')
    expect(k(sim, `patch deploy web --patch-file /nonexist`)).toBe('error: unable to read patch file: open /nonexist: no such file or directory\n')
  })

  it('writes nothing on a dry run, and patches the scale and status subresources', () => {
    const sim = setup()
    expect(k(sim, `patch deploy web -p '{"spec":{"replicas":5}}' --dry-run=client`)).toBe('deployment.apps/web patched\n')
    expect(k(sim, `patch deploy web -p '{"spec":{"replicas":5}}' --dry-run=server -o name`)).toBe('deployment.apps/web\n')
    expect(web(sim).spec.replicas).toBe(2)
    expect(k(sim, `patch deploy web --subresource=scale --type=merge -p '{"spec":{"replicas":4}}'`)).toBe('scale.autoscaling/web patched\n')
    expect(web(sim).spec.replicas).toBe(4)
    expect(k(sim, `patch deploy web --patch-file p.yaml`, { 'p.yaml': 'spec:\n  paused: true\n' })).toBe('deployment.apps/web patched\n')
    expect(web(sim).spec.paused).toBe(true)
  })
})

describe('kubectl replace', () => {
  const file = deploymentYaml('web', 1, 'nginx:1.28')
  it('replaces an existing object whole, and names the file when it cannot', () => {
    const sim = newSim()
    expect(k(sim, 'replace -f web.yaml', { 'web.yaml': file })).toBe('Error from server (NotFound): error when replacing "web.yaml": deployments.apps "web" not found\n')
    apply(sim, deploymentYaml('web', 3, 'nginx:1.27', '        env:\n        - {name: A, value: "1"}\n'))
    expect(k(sim, 'replace -f web.yaml', { 'web.yaml': file })).toBe('deployment.apps/web replaced\n')
    expect(web(sim).spec.replicas).toBe(1)
    expect(web(sim).spec.template.spec.containers[0].env).toBeUndefined()
    expect(k(sim, 'replace -f bad.yaml', { 'bad.yaml': file.replace('replicas: 1', 'replicas: -1') })).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    )
    expect(k(sim, 'replace')).toBe('error: must specify one of -f and -k\n')
  })

  it('with --force deletes, waits, and creates', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 3))
    const uid = web(sim).metadata.uid
    expect(k(sim, 'replace --force -f web.yaml', { 'web.yaml': file })).toBe('deployment.apps "web" deleted from default namespace\ndeployment.apps/web replaced\n')
    expect(web(sim).metadata.uid).not.toBe(uid)
  })
})

describe('kubectl edit', () => {
  it('is refused in scripts, after checking the object exists', () => {
    const sim = setup()
    expect(k(sim, 'edit deploy nope')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
    expect(k(sim, 'edit deploy web')).toMatch(/^error: kubectl edit needs an interactive editor/)
  })

  it("gives the app kubectl's buffer and applies the saved text as an edit", () => {
    const sim = setup()
    const session = beginEdit(sim, ['deploy/web'])
    expect(session.text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true)
    expect(session.text).toContain('\nkind: Deployment\n')
    expect(finishEdit(sim, session, session.text)).toEqual({ output: 'Edit cancelled, no changes made.\n', done: true })
    expect(finishEdit(sim, session, '# nothing\n')).toEqual({ output: 'Edit cancelled, saved file was empty.\n', done: true })
    expect(finishEdit(sim, session, session.text.replace('replicas: 2', 'replicas: 5'))).toEqual({ output: 'deployment.apps/web edited\n', done: true })
    expect(web(sim).spec.replicas).toBe(5)
  })

  it('reopens the buffer with the reasons when the server refuses', () => {
    const sim = setup()
    const session = beginEdit(sim, ['deploy', 'web'])
    const result = finishEdit(sim, session, session.text.replace('replicas: 2', 'replicas: -2'))
    expect(result.output).toBe('error: deployments.apps "web" is invalid\n')
    expect(result.done).toBe(false)
    expect(result.text).toContain('#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -2: must be greater than or equal to 0\n#\n')
    expect(finishEdit(sim, session, session.text.replace('name: web\n', 'name: other\n'))).toEqual({ output: 'error: At least one of apiVersion, kind and name was changed\n', done: true })
  })
})
