import { describe, expect, it } from 'vitest'
import { splitCommandLine } from '../../src/engine/kubectl/args.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { kubectl, newSim } from '../helpers.ts'

const VIEW = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kubesim
contexts:
- context:
    cluster: kubesim
    user: kubesim
  name: kubesim
current-context: kubesim
kind: Config
preferences: {}
users:
- name: kubesim
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`

describe('kubectl config', () => {
  it('views the kubeconfig and lists its contexts as kubectl v1.32 prints the same file', () => {
    const sim = newSim()
    expect(kubectl(sim, 'config view')).toBe(VIEW)
    expect(kubectl(sim, 'config current-context')).toBe('kubesim\n')
    expect(kubectl(sim, 'config get-contexts')).toBe('CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         kubesim   kubesim   kubesim    \n')
    expect(runKubectl(sim, splitCommandLine("config view -o jsonpath='{.contexts[0].name}'"))).toBe('kubesim')
  })

  it('set-context --current --namespace changes the namespace of every later command', () => {
    const sim = newSim()
    kubectl(sim, 'create namespace dev')
    expect(kubectl(sim, 'config set-context --current --namespace=dev')).toBe('Context "kubesim" modified.\n')
    expect(kubectl(sim, 'config view --minify')).toContain('    namespace: dev\n')
    expect(kubectl(sim, 'run web --image=nginx:1.27')).toBe('pod/web created\n')
    expect(sim.store.get('Pod', 'dev', 'web')).toBeDefined()
    expect(kubectl(sim, 'get pods -o name')).toBe('pod/web\n')
    expect(kubectl(sim, 'get pods -n default')).toBe('No resources found in default namespace.\n')
    expect(kubectl(sim, 'config get-contexts')).toBe('CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         kubesim   kubesim   kubesim    dev\n')
  })

  it('creates and switches contexts; --context picks one for a single command', () => {
    const sim = newSim()
    expect(kubectl(sim, 'config set-context ops --cluster=kubesim --user=kubesim --namespace=kube-system')).toBe('Context "ops" created.\n')
    expect(kubectl(sim, 'get pods --context ops -o name')).toBe(kubectl(sim, 'get pods -n kube-system -o name'))
    expect(kubectl(sim, 'config use-context ops')).toBe('Switched to context "ops".\n')
    expect(kubectl(sim, 'config current-context')).toBe('ops\n')
    expect(kubectl(sim, 'config get-contexts -o name')).toBe('kubesim\nops\n')
    expect(kubectl(sim, 'config use-context nope')).toBe('error: no context exists with the name: "nope"\n')
    expect(kubectl(sim, 'get pods --context nope')).toBe('Error in configuration: context was not found for specified context: nope\n')
    expect(kubectl(sim, 'config get-contexts nope')).toBe('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\nerror: context nope not found\n')
  })

  it("refuses bad usage with kubectl's messages", () => {
    const sim = newSim()
    expect(kubectl(sim, 'config set-context')).toBe('error: you must specify a non-empty context name or --current\n')
    expect(kubectl(sim, 'config set-context foo --current')).toBe('error: you cannot specify both a context name and --current\n')
    expect(kubectl(sim, 'config view extra')).toBe("error: unexpected arguments: [extra]\nSee 'kubectl config view -h' for help and examples\n")
    expect(kubectl(sim, 'config view --current')).toBe("error: unknown flag: --current\nSee 'kubectl config view --help' for usage.\n")
    expect(kubectl(sim, 'config bogus')).toBe('error: unknown command "bogus"\nSee \'kubectl config -h\' for help and examples\n')
    expect(kubectl(sim, 'config get-contexts -o yaml')).toBe('error: --output yaml is not available in kubectl config get-contexts; resetting to default output format\n')
    expect(kubectl(sim, 'config use-context')).toMatch(/^Set the current-context in a kubeconfig file\.\n[\s\S]*\nerror: Unexpected args: \[\]\n$/)
  })
})

describe('root flags before the verb', () => {
  it('moves -n and --namespace after the verb, and refuses other flags there as kubectl does', () => {
    const sim = newSim()
    expect(kubectl(sim, '-n kube-system get pods -o name')).toBe(kubectl(sim, 'get pods -n kube-system -o name'))
    expect(kubectl(sim, '--namespace=kube-system get pods -o name')).toBe(kubectl(sim, 'get pods -n kube-system -o name'))
    expect(kubectl(sim, '-A get pods')).toBe('Error: flags cannot be placed before plugin name: -A\n')
    expect(kubectl(sim, '-n x bogus')).toBe('Error: flags cannot be placed before plugin name: -n\n')
    expect(kubectl(sim, '-n')).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n")
  })
})

describe('kubectl version, cluster-info, api-versions', () => {
  it('prints v1.35.0 for client and server', () => {
    const sim = newSim()
    expect(kubectl(sim, 'version')).toBe('Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n')
    expect(kubectl(sim, 'version --client')).toBe('Client Version: v1.35.0\nKustomize Version: v5.7.1\n')
    expect(JSON.parse(kubectl(sim, 'version -o json')).serverVersion.gitVersion).toBe('v1.35.0')
    expect(kubectl(sim, 'version -o yaml')).toMatch(/^clientVersion:\n  buildDate: "[^"]+"\n  compiler: gc\n[\s\S]*\nkustomizeVersion: v5\.7\.1\nserverVersion:\n[\s\S]*\n\n$/)
    expect(kubectl(sim, 'version -o xml')).toBe("error: --output must be 'yaml' or 'json'\n")
    expect(kubectl(sim, 'version extra')).toBe('error: extra arguments: [extra]\n')
  })

  it('cluster-info names the control plane, CoreDNS through the service proxy while kube-dns exists, and points at the dump', () => {
    expect(kubectl(newSim(), 'cluster-info')).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:6443\n' +
        'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    )
    const sim = newSim()
    kubectl(sim, 'delete service kube-dns -n kube-system')
    expect(kubectl(sim, 'cluster-info')).toBe(
      "Kubernetes control plane is running at https://127.0.0.1:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    )
  })

  it('api-versions lists the served group/versions sorted, the core group as v1 last', () => {
    const out = kubectl(newSim(), 'api-versions').trim().split('\n')
    expect(out).toEqual([...out].sort())
    expect(out).toEqual(expect.arrayContaining(['apps/v1', 'autoscaling/v1', 'autoscaling/v2', 'batch/v1', 'v1']))
    expect(out.at(-1)).toBe('v1')
  })
})
