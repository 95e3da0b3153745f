import { describe, expect, it } from 'vitest'
import type { Pod, ReplicaSet } from '../../src/engine/api/types.ts'
import { apply, deploymentYaml, kubectl, newSim, pods, podYaml } from '../helpers.ts'

const NAME_PART_RULE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

function simWithPods() {
  const sim = newSim()
  // kubectl run, not apply: no last-applied-configuration annotation.
  kubectl(sim, 'run web --image=nginx:1.27 --labels=app=web')
  kubectl(sim, 'run api --image=nginx:1.27')
  return sim
}

describe('kubectl label', () => {
  it('adds, refuses to overwrite without --overwrite, overwrites, and removes, with kubectl v1.35 messages', () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'label pods web tier=front')).toBe('pod/web labeled\n')
    expect(kubectl(sim, 'label pods web tier=back')).toBe("error: 'tier' already has a value (front), and --overwrite is false\n")
    expect(kubectl(sim, 'label pods web tier=back --overwrite')).toBe('pod/web labeled\n')
    expect(kubectl(sim, 'label pods web tier=back')).toBe('pod/web not labeled\n')
    expect(kubectl(sim, 'label pods web tier-')).toBe('pod/web unlabeled\n')
    expect(kubectl(sim, 'label pods web tier-')).toBe('label "tier" not found.\npod/web not labeled\n')
    // v1.35 compares JSON lengths: a removal with --overwrite still says "labeled".
    expect(kubectl(sim, 'label pods web app- --overwrite')).toBe('pod/web labeled\n')
    expect(sim.store.get<Pod>('Pod', 'default', 'web')!.metadata.labels).toBeUndefined()
  })

  it('labels several objects, by name, TYPE/NAME, -l and --all, and reports missing ones last', () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'label pods web api nope x=1')).toBe('pod/web labeled\npod/api labeled\nError from server (NotFound): pods "nope" not found\n')
    expect(kubectl(sim, 'label pod/web pod/api y=2')).toBe('pod/web labeled\npod/api labeled\n')
    expect(kubectl(sim, 'label pods -l app=web z=3')).toBe('pod/web labeled\n')
    expect(kubectl(sim, 'label pods --all w=4')).toBe('pod/api labeled\npod/web labeled\n')
    // Every namespace's pods: kube-system's CoreDNS pods too.
    expect(kubectl(sim, 'label pods -A --all v=5')).toMatch(/^pod\/api labeled\npod\/web labeled\npod\/coredns-\w+-\w{5} labeled\npod\/coredns-\w+-\w{5} labeled\n$/)
    expect(kubectl(sim, 'label pods web api x=9')).toBe("'x' already has a value (1), and --overwrite is false\n'x' already has a value (1), and --overwrite is false\n")
  })

  it('--dry-run=client changes nothing, --dry-run=server validates; -o prints the object', () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'label pods web a=b --dry-run=client')).toBe('pod/web labeled (dry run)\n')
    expect(kubectl(sim, 'label pods web a=b --dry-run=server')).toBe('pod/web labeled (server dry run)\n')
    expect(kubectl(sim, 'label pods web a=b --dry-run')).toBe('pod/web labeled (dry run)\n')
    expect(sim.store.get<Pod>('Pod', 'default', 'web')!.metadata.labels).toEqual({ app: 'web' })
    expect(kubectl(sim, 'label pods web a=b -o name')).toBe('pod/web\n')
    expect(kubectl(sim, 'label pods web c=d -o yaml')).toContain('  labels:\n    a: b\n    app: web\n    c: d\n  name: web\n')
  })

  it('lists labels: bare for one object, under a heading per object otherwise', () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'label pods web --list')).toBe('app=web\n')
    expect(kubectl(sim, 'label pods --all --list')).toBe('Listing labels for Pod./api:\n run=api\nListing labels for Pod./web:\n app=web\n')
    expect(kubectl(sim, 'label pods web --list -o yaml')).toBe('error: --list and --output may not be specified together\n')
  })

  it("refuses bad arguments with kubectl's messages", () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'label pods web a=b=c')).toBe('error: invalid label spec: a=b=c\n')
    expect(kubectl(sim, 'label pods web a=b!')).toBe(
      `error: invalid label value: "a=b!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    )
    expect(kubectl(sim, 'label pods web a=b a-')).toBe('error: can not both modify and remove a label in the same command\n')
    expect(kubectl(sim, 'label pods web a=b api')).toBe('error: all resources must be specified before label changes: api\n')
    expect(kubectl(sim, 'label pods web')).toBe('error: at least one label update is required\n')
    expect(kubectl(sim, 'label')).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n')
    expect(kubectl(sim, 'label pods a=b')).toBe('error: resource(s) were provided, but no name was specified\n')
    expect(kubectl(sim, 'label pods --all -l x=y a=b')).toBe('error: cannot set --all and --selector at the same time\n')
    expect(kubectl(sim, 'label pods web -l x=y a=b')).toBe('error: name cannot be provided when a selector is specified\n')
    expect(kubectl(sim, 'label pods web a=b --dry-run=maybe')).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n')
    expect(kubectl(sim, 'label pods web a=b -o wat')).toBe(
      'error: unable to match a printer suitable for the output format "wat", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    )
  })

  it('the API server refuses a bad key with its own validation message', () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'label pods web bad!key=x')).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "bad!key": ${NAME_PART_RULE}\n`)
    expect(kubectl(sim, 'label pods web example.com/tier=x')).toBe('pod/web labeled\n')
    expect(apply(sim, podYaml('bad', 'nginx').replace('  name: bad', '  name: bad\n  labels: {"a/b/c": x}'))).toEqual([
      `The Pod "bad" is invalid: metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ].map((m) => expect.stringContaining(m)))
  })

  it("relabelling a pod out of its ReplicaSet's selector orphans it, and the ReplicaSet makes a replacement", () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    sim.advance(10_000)
    const [victim] = pods(sim)
    const rs = sim.store.list<ReplicaSet>('ReplicaSet')[0]
    expect(kubectl(sim, `label pod ${victim.metadata.name} app=debug --overwrite`)).toBe(`pod/${victim.metadata.name} labeled\n`)
    sim.advance(10_000)
    const all = pods(sim)
    expect(all).toHaveLength(3)
    const relabelled = sim.store.get<Pod>('Pod', 'default', victim.metadata.name)!
    expect(relabelled.metadata.ownerReferences ?? []).toEqual([])
    expect(all.filter((p) => p.metadata.ownerReferences?.[0]?.uid === rs.metadata.uid && p.status.phase === 'Running')).toHaveLength(2)
  })
})

describe('kubectl annotate', () => {
  it('says "annotated" whether or not anything changed, and refuses to overwrite without --overwrite', () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'annotate pods web note=hello')).toBe('pod/web annotated\n')
    expect(kubectl(sim, 'annotate pods web note=hello')).toBe('pod/web annotated\n')
    expect(kubectl(sim, 'annotate pods web note=bye')).toBe("error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n")
    expect(kubectl(sim, 'annotate pods web note=bye --overwrite')).toBe('pod/web annotated\n')
    expect(sim.store.get<Pod>('Pod', 'default', 'web')!.metadata.annotations).toEqual({ note: 'bye' })
    expect(kubectl(sim, 'annotate pods web note- missing-')).toBe('pod/web annotated\n')
    expect(sim.store.get<Pod>('Pod', 'default', 'web')!.metadata.annotations).toBeUndefined()
  })

  it('takes values with = and spaces, lists, and refuses a key both set and removed', () => {
    const sim = simWithPods()
    expect(kubectl(sim, 'annotate pods --all q=a=b')).toBe('pod/api annotated\npod/web annotated\n')
    expect(kubectl(sim, 'annotate pod web --list')).toBe('q=a=b\n')
    expect(kubectl(sim, 'annotate pod web a=1 a-')).toBe('error: can not both modify and remove the following annotation(s) in the same command: a\n')
    expect(kubectl(sim, 'annotate pod web x=1 --dry-run=client')).toBe('pod/web annotated (dry run)\n')
    expect(kubectl(sim, 'annotate pod web')).toBe('error: at least one annotation update is required\n')
    expect(kubectl(sim, 'annotate pod web Bad_Key!=1')).toBe(`The Pod "web" is invalid: metadata.annotations: Invalid value: "Bad_Key!": ${NAME_PART_RULE}\n`)
  })
})
