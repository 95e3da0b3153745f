import type { ScriptStep } from '../cli/scriptParser.ts'
import type { ClusterSpec } from '../engine/simulation.ts'
import type { Assertion } from './assertions.ts'

/** A guided lab, parsed from its Markdown file (see shared/spec/labs.md). Lines are the file's, from 1. */
export interface Lab {
  title: string
  level?: 'beginner' | 'intermediate' | 'advanced'
  minutes?: number
  topics: string[]
  /** The `cluster` line's arguments, parsed; undefined for the default cluster. */
  cluster?: Partial<ClusterSpec>
  /** Scenario-script lines run before the student starts, with the lab file's line numbers. */
  setup: ScriptStep[]
  /** Markdown before the first step. */
  intro: string
  steps: LabStep[]
}

export interface LabStep {
  title: string
  /** The line of the step's `## ` heading. */
  line: number
  /** The step's Markdown without its hint, solution and check blocks. */
  instructions: string
  hints: string[]
  /** Scenario-script lines that complete the step; undefined when the lab gives none. */
  solution?: ScriptStep[]
  /** The solution block's text, as shown to a student who asks for it. */
  solutionText?: string
  checks: Assertion[]
}

/** Why a lab (or an attempt) is malformed: the line it names and a one-line reason. */
export class LabError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`)
  }
}
