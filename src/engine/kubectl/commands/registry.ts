import { apiResourcesCommand } from './apiResources.ts'
import { applyCommand, createCommand } from './apply.ts'
import { autoscaleCommand } from './autoscale.ts'
import type { KubectlCommand } from './context.ts'
import { cordonCommand, uncordonCommand } from './cordon.ts'
import { deleteCommand } from './delete.ts'
import { describeCommand } from './describe.ts'
import { drainCommand } from './drain.ts'
import { execCommand } from './exec.ts'
import { explainCommand } from './explain.ts'
import { getCommand } from './get.ts'
import { logsCommand } from './logs.ts'
import { rolloutCommand } from './rollout.ts'
import { runCommand } from './run.ts'
import { scaleCommand } from './scale.ts'
import { setCommand } from './setImage.ts'
import { waitCommand } from './wait.ts'

/** Every kubectl verb kubesim answers, one entry per line (kept in kubectl's help order where it matters). */
export const KUBECTL_COMMANDS: readonly KubectlCommand[] = [
  getCommand,
  describeCommand,
  applyCommand,
  createCommand,
  deleteCommand,
  scaleCommand,
  autoscaleCommand,
  logsCommand,
  execCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  runCommand,
  rolloutCommand,
  setCommand,
  apiResourcesCommand,
  explainCommand,
  waitCommand,
]

export function findCommand(name: string): KubectlCommand | undefined {
  return KUBECTL_COMMANDS.find((c) => c.name === name)
}
