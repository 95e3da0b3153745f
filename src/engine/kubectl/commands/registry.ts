import { apiResourcesCommand } from './apiResources.ts'
import { annotateCommand } from './annotate.ts'
import { applyCommand } from './apply.ts'
import { apiVersionsCommand } from './apiVersions.ts'
import { autoscaleCommand } from './autoscale.ts'
import { clusterInfoCommand } from './clusterInfo.ts'
import { configCommand } from './config.ts'
import { createCommand } from './create/createCommand.ts'
import type { KubectlCommand } from './context.ts'
import { cordonCommand, uncordonCommand } from './cordon.ts'
import { deleteCommand } from './delete.ts'
import { describeCommand } from './describe.ts'
import { eventsCommand } from './events.ts'
import { drainCommand } from './drain.ts'
import { execCommand } from './exec.ts'
import { explainCommand } from './explain.ts'
import { getCommand } from './get.ts'
import { labelCommand } from './label.ts'
import { logsCommand } from './logs.ts'
import { exposeCommand } from './expose.ts'
import { rolloutCommand } from './rollout.ts'
import { runCommand } from './run.ts'
import { scaleCommand } from './scale.ts'
import { editCommand } from './edit.ts'
import { patchCommand } from './patch.ts'
import { replaceCommand } from './replace.ts'
import { setCommand } from './set.ts'
import { taintCommand } from './taint.ts'
import { topCommand } from './top.ts'
import { versionCommand } from './version.ts'
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
  exposeCommand,
  rolloutCommand,
  setCommand,
  patchCommand,
  replaceCommand,
  editCommand,
  apiResourcesCommand,
  labelCommand,
  annotateCommand,
  taintCommand,
  topCommand,
  configCommand,
  versionCommand,
  clusterInfoCommand,
  apiVersionsCommand,
  eventsCommand,
  explainCommand,
  waitCommand,
]

export function findCommand(name: string): KubectlCommand | undefined {
  return KUBECTL_COMMANDS.find((c) => c.name === name)
}
