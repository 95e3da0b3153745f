import { applyManifestText, type ApplyTextResult } from '../kubectl/applyText.ts'
import { splitCommandLine } from '../kubectl/args.ts'
import type { WatchStream } from '../kubectl/commands/getWatch.ts'
import { finishEdit, type EditSession } from '../kubectl/editSession.ts'
import { runKubectl } from '../kubectl/runKubectl.ts'
import type { Simulation } from '../simulation.ts'
// The app's `node add|remove` line, parsed as scripts parse it.
import { runMachineLine } from '../cluster/machineLine.ts'
import { SCORE_PLUGIN_NAMES } from '../scheduler/framework.ts'
import { validateProfile, type SchedulerProfile } from '../scheduler/profile.ts'

import { namedFileReader, type CommandFile } from './namedFileReader.ts'

export type { CommandFile }

/**
 * What a person can do to a cluster, in the vocabulary every host shares. The cluster is
 * its seed and spec plus these, each stamped with the simulated time it was given.
 */
export type SessionCommand =
  /** `kubectl apply -f` of the editor's text, as the Apply button does. */
  | { type: 'apply'; yaml: string; source: string }
  /**
   * One kubectl command line (without `kubectl`), with the files it read. `stdin` and
   * `scripted` come from a lab's solution: its heredoc, and `wait` advancing time as in scripts.
   */
  | { type: 'kubectl'; args: string; files?: CommandFile[]; stdin?: string; scripted?: true }
  /** A node's machine loses power or comes back. */
  | { type: 'fault'; action: 'node-down' | 'node-up'; node: string }
  /** A worker machine joins (`node add`) or is taken away (`node remove`). */
  | { type: 'node-add'; node: string; cpu: string; memory: string; maxPods: number }
  | { type: 'node-remove'; node: string }
  /** The cluster editor's `node add NAME [--cpu C] …` / `node remove NAME` line. */
  | { type: 'machine'; line: string }
  /**
   * A `kubectl edit` buffer saved in the app's editor: replay opens the same edit (`args`,
   * e.g. `edit deployment web`) at the moment of saving and saves `text` into it.
   */
  | { type: 'edit'; args: string; text: string }
  /** The scheduler's profile changed in the cluster editor (score strategy, weights, disabled plugins). */
  | { type: 'scheduler-profile'; profile: SchedulerProfile }
  /** Simulated time jumped ahead at once (Step 1s/10s); replay reaches it by advancing. */
  | { type: 'step'; ms: number }

export type LoggedCommand = SessionCommand & { at: number }

export type CommandResult =
  | { type: 'apply'; result: ApplyTextResult }
  | { type: 'kubectl'; output: string }
  /** `done: false` reopens `text` in the editor, with the failures in its header. */
  | { type: 'edit'; output: string; done: boolean; text?: string }
  /** null when done, else why the line was refused. */
  | { type: 'machine'; error: string | null }
  /** null when the profile was taken, else why it was refused. */
  | { type: 'scheduler-profile'; error: string | null }
  | { type: 'none' }

export interface CommandIO {
  /** The files `-f NAME` may read (the editor's). Replay passes the ones that were read. */
  files?: CommandFile[]
  /** Takes a `get -w` stream; without it the stream is stopped at once (replay). */
  watch?(stream: WatchStream): void
  /** Takes a `kubectl edit` buffer to open in the app's editor; without it edit is refused, as in scripts. */
  edit?(session: EditSession): void
  /** The edit being saved (the app's open buffer); replay opens it anew from `args`. */
  editSession?: EditSession
}

/**
 * Runs one command against the simulation, as the app does, and settles what it set off.
 * `recorded` is the command as the log keeps it: kubectl's files narrowed to those read.
 */
export function runSessionCommand(sim: Simulation, cmd: SessionCommand, io: CommandIO = {}): { result: CommandResult; recorded: SessionCommand } {
  switch (cmd.type) {
    case 'apply': {
      let result: ApplyTextResult
      try {
        result = sim.store.causes.asUser(`kubectl apply -f ${cmd.source}`, () => applyManifestText(sim.ctx, cmd.yaml, { source: cmd.source }))
        sim.settle()
      } catch (err) {
        // An engine bug must not leave the UI waiting for an answer.
        result = { output: [`error: ${err instanceof Error ? err.message : String(err)}`], markers: [], failed: true }
      }
      return { result: { type: 'apply', result }, recorded: cmd }
    }
    case 'kubectl': {
      const available = io.files ?? cmd.files ?? []
      const read: CommandFile[] = []
      let output: string
      try {
        output = runKubectl(sim, splitCommandLine(cmd.args), {
          readPath: namedFileReader(available, (file) => void (read.includes(file) || read.push(file))),
          watch: io.watch ?? ((stream) => stream.stop()),
          edit: io.edit,
          ...(cmd.stdin !== undefined ? { stdin: cmd.stdin } : {}),
          ...(cmd.scripted ? { waitAdvancesTime: true } : {}),
        })
      } catch (err) {
        output = `error: ${err instanceof Error ? err.message : String(err)}`
      }
      sim.settle()
      const recorded: SessionCommand = {
        type: 'kubectl',
        args: cmd.args,
        ...(read.length > 0 ? { files: read.map((f) => ({ name: f.name, text: f.text })) } : {}),
        ...(cmd.stdin !== undefined ? { stdin: cmd.stdin } : {}),
        ...(cmd.scripted ? { scripted: true as const } : {}),
      }
      return { result: { type: 'kubectl', output }, recorded }
    }
    case 'edit': {
      let session = io.editSession
      if (!session) runKubectl(sim, splitCommandLine(cmd.args), { edit: (opened) => void (session = opened) })
      let result: { output: string; done: boolean; text?: string }
      try {
        result = session ? finishEdit(sim, session, cmd.text) : { output: 'error: this edit is no longer open; run kubectl edit again\n', done: true }
      } catch (err) {
        result = { output: `error: ${err instanceof Error ? err.message : String(err)}\n`, done: true }
      }
      sim.settle()
      return { result: { type: 'edit', ...result }, recorded: cmd }
    }
    case 'fault':
      sim.store.causes.run({ actor: 'you', command: `fault ${cmd.action} ${cmd.node}` }, () => (cmd.action === 'node-down' ? sim.nodeDown(cmd.node) : sim.nodeUp(cmd.node)))
      return { result: { type: 'none' }, recorded: cmd }
    case 'node-add':
      sim.addMachine({ name: cmd.node, cpu: cmd.cpu, memory: cmd.memory, maxPods: cmd.maxPods })
      return { result: { type: 'none' }, recorded: cmd }
    case 'node-remove':
      sim.removeMachine(cmd.node)
      sim.settle()
      return { result: { type: 'none' }, recorded: cmd }
    case 'machine':
      return { result: { type: 'machine', error: sim.store.causes.run({ actor: 'you', command: cmd.line }, () => runMachineLine(sim, cmd.line)) }, recorded: cmd }
    case 'scheduler-profile': {
      const error = validateProfile(cmd.profile, SCORE_PLUGIN_NAMES)
      if (!error) sim.scheduler.setProfile(cmd.profile)
      return { result: { type: 'scheduler-profile', error }, recorded: cmd }
    }
    case 'step':
      sim.advance(Math.max(0, cmd.ms))
      return { result: { type: 'none' }, recorded: cmd }
  }
}
