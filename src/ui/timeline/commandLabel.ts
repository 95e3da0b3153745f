import type { LoggedCommand } from '../../engine/commandLog/sessionCommand.ts'

/** A logged command as a person would say it, for the timeline's marks. */
export function commandLabel(cmd: LoggedCommand): string {
  switch (cmd.type) {
    case 'apply':
      return `kubectl apply -f ${cmd.source}`
    case 'kubectl':
      return `kubectl ${cmd.args}`
    case 'fault':
      return cmd.action === 'node-down' ? `power off ${cmd.node}` : `power on ${cmd.node}`
    case 'node-add':
      return `node add ${cmd.node}`
    case 'node-remove':
      return `node remove ${cmd.node}`
    case 'machine':
      return cmd.line
    case 'edit':
      return `kubectl ${cmd.args} (saved)`
    case 'scheduler-profile':
      return `scheduler profile: ${cmd.profile.scoringStrategy.type}`
    case 'step':
      return `step ${cmd.ms / 1000}s`
  }
}
