import type { EngineClient } from '../../worker/engineClient.ts'
import { appendBlock, useCluster } from '../store/clusterStore.ts'

/**
 * Runs a kubectl command and shows it, with kubectl's answer, in the terminal log.
 * UI actions (like a chip's delete button) go through here too, so a student sees the
 * command that does what they clicked.
 */
export async function runInTerminal(engine: EngineClient, commandLine: string): Promise<void> {
  const command = commandLine.trim().replace(/^kubectl(\s+|$)/, '')
  if (!command) return
  const output = await engine.kubectl(command)
  const lines = output.replace(/\n$/, '').split('\n')
  const failed = /^(error|Error)\b/m.test(output)
  useCluster.setState((s) => ({ terminal: appendBlock(s.terminal, { command: `kubectl ${command}`, lines, failed }) }))
}
