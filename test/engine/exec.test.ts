import { describe, expect, it } from 'vitest'
import { dateLine } from '../../src/engine/kubelet/containerExec.ts'
import { EPOCH_MS } from '../../src/engine/clock.ts'
import { apply, kubectlShell, newSim } from '../helpers.ts'

const TWO_CONTAINERS = `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {MODE: production}
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
data: {PASSWORD: czNjcjN0}
---
apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "touch /tmp/ready; echo hello > /tmp/greeting; sleep 5; rm /tmp/ready; sleep 3600"]
    env:
    - {name: GREETING, value: hi}
    - {name: WHO, value: "$(GREETING) there"}
    - name: MODE
      valueFrom: {configMapKeyRef: {name: app-config, key: MODE}}
    - name: PASSWORD
      valueFrom: {secretKeyRef: {name: creds, key: PASSWORD}}
    - name: POD_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
  - name: web
    image: nginx:1.27
`

function running() {
  const sim = newSim()
  apply(sim, TWO_CONTAINERS)
  sim.advance(3_000)
  return sim
}

describe('kubectl exec', () => {
  it('prints the environment the kubelet builds, after the Defaulted container notice', () => {
    expect(kubectlShell(running(), 'exec box -- env')).toBe(`Defaulted container "main" out of: main, web
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
HOSTNAME=box
GREETING=hi
WHO=hi there
MODE=production
PASSWORD=s3cr3t
POD_NAME=box
KUBERNETES_SERVICE_HOST=10.96.0.1
KUBERNETES_SERVICE_PORT=443
KUBERNETES_SERVICE_PORT_HTTPS=443
KUBERNETES_PORT=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP_PROTO=tcp
KUBERNETES_PORT_443_TCP_PORT=443
KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
HOME=/root
`)
  })

  it('answers printenv, hostname, echo and date from what the simulation knows', () => {
    const sim = running()
    expect(kubectlShell(sim, 'exec box -c main -- printenv MODE GREETING')).toBe('production\nhi\n')
    expect(kubectlShell(sim, 'exec box -c main -- printenv NOPE')).toBe('command terminated with exit code 1\n')
    expect(kubectlShell(sim, 'exec box -c main -- hostname')).toBe('box\n')
    expect(kubectlShell(sim, 'exec box -c main -- echo a b')).toBe('a b\n')
    expect(kubectlShell(sim, 'exec box -c main -- date')).toBe(dateLine(EPOCH_MS + sim.now) + '\n')
    expect(dateLine(Date.UTC(2026, 0, 5, 9, 0, 7))).toBe('Mon Jan  5 09:00:07 UTC 2026')
  })

  it('sees the files the container command made, on its timeline', () => {
    const sim = running()
    expect(kubectlShell(sim, 'exec box -c main -- ls /tmp')).toBe('greeting\nready\n')
    expect(kubectlShell(sim, 'exec box -c main -- cat /tmp/greeting')).toBe('hello\n')
    sim.advance(30_000)
    expect(kubectlShell(sim, 'exec box -c main -- ls /tmp')).toBe('greeting\n')
    expect(kubectlShell(sim, 'exec box -c main -- cat /tmp/ready')).toBe("cat: can't open '/tmp/ready': No such file or directory\ncommand terminated with exit code 1\n")
    expect(kubectlShell(sim, 'exec box -c web -- ls /tmp/ready')).toBe("ls: cannot access '/tmp/ready': No such file or directory\ncommand terminated with exit code 2\n")
  })

  it('runs sh -c scripts of those commands, with variables and && / ||', () => {
    const sim = running()
    expect(kubectlShell(sim, `exec box -c main -- sh -c 'echo "$GREETING from $HOSTNAME" && cat /tmp/nope || echo fallback'`)).toBe(
      "hi from box\ncat: can't open '/tmp/nope': No such file or directory\nfallback\n",
    )
    expect(kubectlShell(sim, "exec box -c main -- sh -c 'exit 3'")).toBe('command terminated with exit code 3\n')
  })

  it('says plainly what it does not simulate', () => {
    const sim = running()
    sim.advance(30_000)
    expect(kubectlShell(sim, 'exec box -c web -- ps aux')).toBe(
      'kubesim: "ps aux" is not simulated in exec (it answers env, printenv, hostname, echo, date, cat and ls of the container\'s files, and sh -c of those)\n',
    )
    expect(kubectlShell(sim, 'exec -it box -c main -- sh')).toBe(
      'Unable to use a TTY - input is not a terminal or the right kind of file\nkubesim: an interactive shell is not simulated; run one command at a time, e.g. kubectl exec POD -- ls /tmp\n',
    )
    expect(kubectlShell(sim, 'exec -it box -c main -- sh', {})).toBe('kubesim: an interactive shell is not simulated; run one command at a time, e.g. kubectl exec POD -- ls /tmp\n')
  })

  it("refuses with kubectl's and the API server's errors", () => {
    const sim = running()
    expect(kubectlShell(sim, 'exec box')).toBe('error: you must specify at least one command for the container\n')
    expect(kubectlShell(sim, 'exec box ls')).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n")
    expect(kubectlShell(sim, 'exec -- ls')).toBe('error: pod, type/name or --filename must be specified\n')
    expect(kubectlShell(sim, 'exec ghost -- ls')).toBe('Error from server (NotFound): pods "ghost" not found\n')
    expect(kubectlShell(sim, 'exec box -c nope -- ls')).toBe('error: container nope is not valid for pod box out of: main, web\n')
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n  - {name: c, image: nginx, resources: {requests: {cpu: "64"}}}\n')
    expect(kubectlShell(sim, 'exec big -- ls')).toBe('Error from server (BadRequest): pod big does not have a host assigned\n')
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers:\n  - {name: c, image: busybox, command: [sh, -c, "exit 1"]}\n')
    sim.advance(3_000)
    expect(kubectlShell(sim, 'exec crash -- ls')).toBe('error: unable to upgrade connection: container not found ("c")\n')
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: done}\nspec:\n  restartPolicy: Never\n  containers:\n  - {name: c, image: busybox, command: [sh, -c, "exit 0"]}\n')
    sim.advance(5_000)
    expect(kubectlShell(sim, 'exec done -- ls')).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n')
  })

  it('picks a pod of a Deployment for TYPE/NAME', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: c, image: nginx}\n')
    sim.advance(10_000)
    expect(kubectlShell(sim, 'exec deploy/web -- hostname')).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\n$/)
    expect(kubectlShell(sim, 'exec cm/x -- ls')).toBe('Error from server (NotFound): configmaps "x" not found\n')
  })
})
