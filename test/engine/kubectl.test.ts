import { describe, expect, it } from 'vitest'
import { tabwrite, GET_TABWRITER, DESCRIBE_TABWRITER } from '../../src/engine/kubectl/tabwriter.ts'
import { humanDuration } from '../../src/engine/util/duration.ts'
import { applyManifestText } from '../../src/engine/kubectl/applyText.ts'
import { apply, deploymentYaml, kubectl, newSim, pods, podYaml } from '../helpers.ts'

describe('tabwriter (Go text/tabwriter semantics)', () => {
  it('pads each column to its widest cell plus padding, minimum width 6 for get', () => {
    expect(tabwrite('NAME\tREADY\tAGE\nweb\t3/3\t30s\n', GET_TABWRITER)).toBe('NAME   READY   AGE\nweb    3/3     30s\n')
    expect(tabwrite('IP\tX\n1\t2\n', GET_TABWRITER)).toBe('IP    X\n1     2\n')
  })

  it('aligns describe output per block of consecutive tabbed lines', () => {
    const text = 'Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x\n'
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:             web\nService Account:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/x\n',
    )
  })
})

describe('humanDuration', () => {
  it.each([
    [45_000, '45s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [303_000, '5m3s'],
    [95 * 60_000, '95m'],
    [200 * 60_000, '3h20m'],
    [30 * 3_600_000, '30h'],
    [76 * 3_600_000, '3d4h'],
    [200 * 86_400_000, '200d'],
  ])('%d ms prints as %s', (ms, text) => expect(humanDuration(ms)).toBe(text))
})

describe('kubectl apply', () => {
  it('prints created, unchanged and configured as kubectl does', () => {
    const sim = newSim()
    expect(apply(sim, deploymentYaml())).toEqual(['deployment.apps/web created'])
    expect(apply(sim, deploymentYaml())).toEqual(['deployment.apps/web unchanged'])
    expect(apply(sim, deploymentYaml('web', 5))).toEqual(['deployment.apps/web configured'])
  })

  it('warns, as kubectl does, when applying over an object made by kubectl create', () => {
    const sim = newSim()
    expect(kubectl(sim, 'create deployment web --image=nginx:1.27')).toBe('deployment.apps/web created\n')
    const out = apply(sim, deploymentYaml('web', 2, 'nginx:1.27'))
    expect(out[0]).toMatch(/^Warning: resource deployments\/web is missing the kubectl.kubernetes.io\/last-applied-configuration annotation which is required by kubectl apply\./)
    expect(out[1]).toBe('deployment.apps/web configured')
  })

  it('applies nothing when any document has a YAML syntax error, and points at the line', () => {
    const sim = newSim()
    sim.advance(60_000) // CoreDNS up, the cluster idle
    const before = sim.store.count()
    const text = `${deploymentYaml()}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [\n`
    const result = applyManifestText(sim.ctx, text, { source: 'STDIN' })
    expect(result.failed).toBe(true)
    expect(result.output[0]).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /)
    expect(result.markers[0].line).toBeGreaterThanOrEqual(20)
    sim.advance(10_000)
    expect(sim.store.count()).toBe(before)
  })

  it('reports validation errors with the API server wording and the field line', () => {
    const sim = newSim()
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: nginx}',
      '    spec:',
      '      containers:',
      '      - name: main',
      '        image: nginx',
      '',
    ].join('\n')
    const result = applyManifestText(sim.ctx, text, { source: 'web.yaml' })
    expect(result.output).toEqual([
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    ])
    expect(result.markers[0]).toMatchObject({ line: 10, severity: 'error' })
    expect(sim.store.list('Deployment', 'default')).toHaveLength(0)
  })

  it('rejects unknown kinds and unknown fields, and leaves the rest of the cluster alone', () => {
    const sim = newSim()
    const text = `apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n---\n${podYaml('ok', 'nginx:1.27')}---\n${podYaml('typo', 'nginx:1.27', '    imagePullPolicyy: Always\n')}`
    expect(apply(sim, text)).toEqual([
      'pod/ok created',
      'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first',
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolicyy"',
    ])
    expect(pods(sim).map((p) => p.metadata.name)).toEqual(['ok'])
  })

  it('stores kinds it does not simulate and says so, and only those', () => {
    const sim = newSim()
    expect(apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n')).toEqual(['configmap/cfg created'])
    expect(apply(sim, 'apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata:\n  name: claim\nspec: {}\n')).toEqual([
      'Warning: kubesim stores ResourceClaim objects but does not simulate them yet',
      'resourceclaim.resource.k8s.io/claim created',
    ])
    // Every namespace also has the root CA ConfigMap the controller manager publishes.
    expect(kubectl(sim, 'get configmaps')).toBe('NAME               DATA   AGE\ncfg                1      0s\nkube-root-ca.crt   1      0s\n')
    apply(sim, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n')
    expect(kubectl(sim, 'get svc')).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nkubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+0s\nweb\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP\s+0s\n$/)
  })
})

describe('kubectl get / describe / delete', () => {
  it("prints kubectl's columns for pods, deployments, replicasets and nodes", () => {
    const sim = newSim({ workers: 1 })
    apply(sim, deploymentYaml('web', 1))
    sim.advance(65_000)
    const pod = pods(sim)[0].metadata.name
    const nameColumn = (text: string) => text.padEnd(pod.length + 3)
    expect(kubectl(sim, 'get pods')).toBe(`${nameColumn('NAME')}READY   STATUS    RESTARTS   AGE\n${nameColumn(pod)}1/1     Running   0          65s\n`)
    expect(kubectl(sim, 'get deploy')).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1/1     1            1           65s\n')
    expect(kubectl(sim, 'get rs')).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nweb-\w+\s+1\s+1\s+1\s+65s\n$/)
    expect(kubectl(sim, 'get nodes')).toBe(
      'NAME            STATUS   ROLES           AGE   VERSION\ncontrol-plane   Ready    control-plane   65s   v1.35.0\nworker-1        Ready    <none>          65s   v1.35.0\n',
    )
    expect(kubectl(sim, 'get pods -n kube-system')).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n(coredns-\w+-\w{5} +1\/1 +Running +0 +65s\n){2}$/)
    expect(kubectl(sim, 'get pods -n kube-public')).toBe('No resources found in kube-public namespace.\n')
  })

  it('describes a pod with its containers and events', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('web', 'nginx:1.27'))
    sim.advance(10_000)
    const text = kubectl(sim, 'describe pod web')
    expect(text).toContain('Node:             worker-1/172.18.0.3\n')
    expect(text).toContain('    State:          Running\n')
    expect(text).toMatch(/ {2}Normal {2}Scheduled {2}10s {3}default-scheduler {2}Successfully assigned default\/web to worker-1\n/)
    expect(text).toContain('Successfully pulled image "nginx:1.27" in 2.4s (2.4s including waiting). Image size: 72404038 bytes.')
  })

  it("answers nonsense with kubectl's errors", () => {
    const sim = newSim()
    expect(kubectl(sim, 'frobnicate pods')).toBe('error: unknown command "frobnicate" for "kubectl"\n')
    expect(kubectl(sim, 'get deploymnets')).toBe('error: the server doesn\'t have a resource type "deploymnets"\n')
    expect(kubectl(sim, 'get pods --bogus')).toBe("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n")
    expect(kubectl(sim, 'delete pod ghost')).toBe('Error from server (NotFound): pods "ghost" not found\n')
  })

  it('kubectl run creates a labelled pod; args after -- become the container args', () => {
    const sim = newSim()
    expect(kubectl(sim, 'run nginx --image=nginx:1.27')).toBe('pod/nginx created\n')
    expect(kubectl(sim, 'run nginx --image=nginx:1.27')).toBe('Error from server (AlreadyExists): pods "nginx" already exists\n')
    expect(kubectl(sim, 'run job --image=busybox:1.36 --restart=Never -- sh -c exit')).toBe('pod/job created\n')
    const job = pods(sim).find((p) => p.metadata.name === 'job')!
    expect(job.metadata.labels).toEqual({ run: 'job' })
    expect(job.spec.restartPolicy).toBe('Never')
    expect(job.spec.containers[0].args).toEqual(['sh', '-c', 'exit'])
    sim.advance(20_000)
    expect(kubectl(sim, 'get pod job')).toMatch(/job\s+0\/1\s+Completed\s+0/)
  })
})

describe('kubectl get --field-selector', () => {
  it("refuses field labels the kind does not support, and malformed selectors, with the server's words", () => {
    const sim = newSim({ workers: 1 })
    expect(kubectl(sim, 'get pods --field-selector bogus')).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bogus": invalid selector: 'bogus'; can't understand 'bogus'\n`,
    )
    expect(kubectl(sim, 'get deploy --field-selector spec.replicas=3')).toBe(
      `Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=3": field label not supported: spec.replicas\n`,
    )
  })

  it('filters on the labels each kind supports', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, podYaml('a', 'nginx:1.27') + '  nodeName: worker-1\n')
    apply(sim, podYaml('b', 'nginx:1.27') + '  nodeName: worker-2\n')
    sim.advance(10_000)
    expect(kubectl(sim, 'get pods --field-selector spec.nodeName=worker-2 --no-headers')).toMatch(/^b\s+1\/1\s+Running/)
    expect(kubectl(sim, 'get pods --field-selector metadata.name!=a,status.phase=Running -o name')).toBe('pod/b\n')
  })
})

describe('kubectl get -o yaml|json', () => {
  it('prints keys sorted, timestamps quoted and lists unindented, as kubectl (sigs.k8s.io/yaml) does', () => {
    const sim = newSim({ workers: 1 })
    kubectl(sim, 'run web --image=nginx:1.27 --labels=on=yes')
    const yaml = kubectl(sim, 'get pod web -o yaml')
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2026-01-05T09:00:00Z"\n/)
    expect(yaml).toContain('  labels:\n    "on": "yes"\n')
    expect(yaml).toContain('spec:\n  containers:\n  - image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n')
    const json = JSON.parse(kubectl(sim, 'get pod web -o json'))
    expect(Object.keys(json.metadata)).toEqual([...Object.keys(json.metadata)].sort())
  })
})
