/**
 * Replay benchmark: how long rebuilding a cluster from its command log takes (what a
 * reload, a share link and every backward scrub of the timeline pay). The log is a
 * one-hour classroom session: a command every minute or so (applies, scaling, rollouts,
 * a crash loop, a node failure and recovery, lots of `get`/`describe`).
 * Run: npx tsx bench/sessionReplay.bench.ts [minutes=60]
 */
import type { LoggedCommand } from '../src/engine/commandLog/sessionCommand.ts'
import { newSessionLog, replaySession } from '../src/engine/commandLog/sessionLog.ts'
import { deploymentYaml } from '../test/helpers.ts'

function classroomLog(minutes: number) {
  const log = newSessionLog(7)
  const commands: LoggedCommand[] = []
  const at = (min: number, sec = 0) => (min * 60 + sec) * 1000
  for (let m = 0; m < minutes; m++) {
    const app = `app-${Math.floor(m / 10)}`
    switch (m % 10) {
      case 0:
        commands.push({ at: at(m, 5), type: 'apply', yaml: deploymentYaml(app, 3, 'nginx:1.27', '        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n'), source: 'manifest.yaml' })
        break
      case 2:
        commands.push({ at: at(m, 10), type: 'kubectl', args: `scale deployment ${app} --replicas=6` })
        break
      case 3:
        commands.push({ at: at(m, 20), type: 'kubectl', args: `set image deployment/${app} nginx=nginx:1.28` })
        break
      case 4:
        commands.push({ at: at(m, 1), type: 'kubectl', args: `run crash-${m} --image=busybox:1.36 -- sh -c "exit 1"` })
        break
      case 5:
        commands.push({ at: at(m, 30), type: 'fault', action: 'node-down', node: 'worker-2' })
        break
      case 7:
        commands.push({ at: at(m, 30), type: 'fault', action: 'node-up', node: 'worker-2' })
        break
      case 8:
        commands.push({ at: at(m, 40), type: 'kubectl', args: `delete pod crash-${m - 4} --wait=false` })
        break
      default:
        commands.push({ at: at(m, 15), type: 'kubectl', args: 'get pods -A -o wide' })
        commands.push({ at: at(m, 45), type: 'kubectl', args: `describe deployment ${app}` })
    }
  }
  return { ...log, commands, time: at(minutes) }
}

const minutes = Number(process.argv[2] ?? 60)
const log = classroomLog(minutes)
for (let run = 1; run <= 3; run++) {
  const t0 = performance.now()
  const sim = replaySession(log)
  const ms = performance.now() - t0
  console.log(`replay ${minutes} simulated min, ${log.commands.length} commands, ${sim.store.count()} objects at the end: ${ms.toFixed(0)} ms (run ${run})`)
}
const half = performance.now()
replaySession(log, log.time / 2)
console.log(`replay to the middle: ${(performance.now() - half).toFixed(0)} ms; log JSON ${(JSON.stringify(log).length / 1024).toFixed(1)} KiB`)
