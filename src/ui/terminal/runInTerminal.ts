import type { EngineClient } from '../../worker/engineClient.ts'
import { openEditBuffer } from '../editor/editBuffer.ts'
import { openFiles } from '../editor/openFiles.ts'
import { appendBlock, useCluster } from '../store/clusterStore.ts'
import { terminalHelp } from './terminalHelp.ts'

/**
 * Runs a kubectl command and shows it, with kubectl's answer, in the terminal log.
 * UI actions (like a chip's delete button) go through here too, so a student sees the
 * command that does what they clicked. `-f NAME` reads the editor tab of that name; a
 * `get -w` or `logs -f` keeps adding rows to its block until stopped; `edit` opens a tab.
 */
export async function runInTerminal(engine: EngineClient, commandLine: string): Promise<void> {
  const command = commandLine.trim().replace(/^kubectl(\s+|$)/, '')
  if (!command) return
  const result = await engine.kubectl(command, openFiles())
  const lines = result.output === '' ? [] : result.output.replace(/\n$/, '').split('\n')
  const failed = /^(error|Error)\b/m.test(result.output)
  useCluster.setState((s) => {
    const terminal = appendBlock(s.terminal, { command: `kubectl ${command}`, lines, failed })
    return { terminal, kubectlNamespace: result.namespace, ...(result.watching ? { watch: { requestId: result.requestId, blockId: terminal.at(-1)!.id } } : {}) }
  })
  // `kubectl edit` opens its buffer in the editor; saving or closing that tab prints kubectl's answer under this command.
  if (result.edit) openEditBuffer(result.edit, useCluster.getState().terminal.at(-1)!.id)
}

/** Ctrl+C on a running `get -w`: the engine stops sending rows. */
export function stopWatching(engine: EngineClient): void {
  if (!useCluster.getState().watch) return
  engine.stopWatch()
  useCluster.setState({ watch: null })
}

/** A line typed at the prompt: the terminal's own words (`help`, `clear`), else kubectl. A running watch ends first, as the shell would have it. */
export async function runTypedLine(engine: EngineClient, commandLine: string): Promise<void> {
  stopWatching(engine)
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
