import type { EngineClient } from '../../worker/engineClient.ts'
import { openFiles } from '../editor/openFiles.ts'
import { appendBlock, useCluster } from '../store/clusterStore.ts'
import { terminalHelp } from './terminalHelp.ts'

/**
 * Runs a kubectl command and shows it, with kubectl's answer, in the terminal log.
 * UI actions (like a chip's delete button) go through here too, so a student sees the
 * command that does what they clicked. `-f manifest.yaml` reads the editor's text.
 */
export async function runInTerminal(engine: EngineClient, commandLine: string): Promise<void> {
  const command = commandLine.trim().replace(/^kubectl(\s+|$)/, '')
  if (!command) return
  const output = await engine.kubectl(command, openFiles())
  const lines = output.replace(/\n$/, '').split('\n')
  const failed = /^(error|Error)\b/m.test(output)
  useCluster.setState((s) => ({ terminal: appendBlock(s.terminal, { command: `kubectl ${command}`, lines, failed }) }))
}

/** A line typed at the prompt: the terminal's own words (`help`, `clear`), else kubectl. */
export async function runTypedLine(engine: EngineClient, commandLine: string): Promise<void> {
  const command = commandLine.trim().replace(/^kubectl(\s+|$)/, '')
  if (command === 'help') {
    useCluster.setState((s) => ({ terminal: appendBlock(s.terminal, { command: 'help', lines: terminalHelp(s.vocabulary), failed: false }) }))
    return
  }
  if (command === 'clear') {
    useCluster.setState({ terminal: [] })
    return
  }
  await runInTerminal(engine, command)
}
