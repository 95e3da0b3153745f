import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { splitCommandLine } from '../../src/engine/kubectl/args.ts'
import type { CronJob } from '../../src/engine/api/types.ts'
import { apply, newSim } from '../helpers.ts'
import { asKubectl135 } from './kubectlVersionDifferences.ts'

/**
 * `kubectl create|run|expose … --dry-run=client` and their client-side errors, compared
 * with what the real kubectl v1.32 printed (fixtures/kubectlCreate/v132.txt, captured by
 * capture.sh against fakeApiServer.py), corrected for the v1.32→v1.35 differences.
 */
const DIR = join(__dirname, 'fixtures/kubectlCreate')
const FILES = join(DIR, 'files')
/** The uid fakeApiServer.py gives CronJob hello; the simulation picks its own. */
const FAKE_CRONJOB_UID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427'

function fixtures(): { line: string; expected: string }[] {
  const text = readFileSync(join(DIR, 'v132.txt'), 'utf8')
  return text
    .split(/^### kubectl /m)
    .slice(1)
    .map((block) => {
      const nl = block.indexOf('\n')
      return { line: block.slice(0, nl), expected: block.slice(nl + 1) }
    })
}

function readLocal(path: string) {
  const full = join(FILES, path)
  let stat
  try {
    stat = statSync(full)
  } catch {
    return undefined
  }
  if (!stat.isDirectory()) return { file: readFileSync(full, 'utf8') }
  return { dir: readdirSync(full).sort().map((name) => ({ name, text: readFileSync(join(full, name), 'utf8') })) }
}

/** The objects fakeApiServer.py serves, made in the simulation. */
function clusterLikeTheFakeServer() {
  const sim = newSim()
  const podTemplate = (labels: string, ports: string) => `  template:
    metadata: {labels: {${labels}}}
    spec:
      containers: [{name: c, image: nginx${ports ? `, ports: ${ports}` : ''}}]`
  apply(
    sim,
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web, tier: fe}}
spec:
  selector: {matchLabels: {app: web}}
${podTemplate('app: web', '[{containerPort: 80}]')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: noport}
spec:
  selector: {matchLabels: {app: noport}}
${podTemplate('app: noport', '')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: multi}
spec:
  selector: {matchLabels: {app: multi}}
${podTemplate('app: multi', '[{containerPort: 80, name: http}, {containerPort: 53, protocol: UDP}]')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: expr}
spec:
  selector: {matchExpressions: [{key: app, operator: In, values: [a]}]}
${podTemplate('app: a', '[{containerPort: 80}]')}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-5d8f, labels: {app: web2, pod-template-hash: 5d8f}}
spec:
  replicas: 0
  selector: {matchLabels: {app: web2, pod-template-hash: 5d8f}}
${podTemplate('app: web2, pod-template-hash: 5d8f', '[{containerPort: 80}]')}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: old, labels: {app: old}}
spec:
  replicas: 0
  selector: {app: old}
${podTemplate('app: old', '[{containerPort: 8080}]')}
---
apiVersion: v1
kind: Pod
metadata: {name: db, labels: {run: db}}
spec:
  containers: [{name: db, image: redis, ports: [{containerPort: 6379}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: nolabels}
spec:
  containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: web}}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    metadata: {labels: {team: a}, annotations: {note: x}}
    spec:
      template:
        spec:
          containers: [{name: hello, image: busybox}]
          restartPolicy: OnFailure
`,
  )
  return sim
}

describe('kubectl create/run/expose print what kubectl v1.35 prints (captured from the real client)', () => {
  const sim = clusterLikeTheFakeServer()
  const cronJobUid = sim.store.get<CronJob>('CronJob', 'default', 'hello')!.metadata.uid
  it.each(fixtures())('kubectl $line', ({ line, expected }) => {
    const out = runKubectl(sim, splitCommandLine(line), { readLocal, waitAdvancesTime: true })
    expect(out).toBe(asKubectl135(expected).replaceAll(FAKE_CRONJOB_UID, cronJobUid))
  })
})
