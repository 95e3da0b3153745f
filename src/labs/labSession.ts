import { firstFailing, type Assertion, type CheckEnv } from './assertions.ts'
import type { Lab } from './lab.ts'

/**
 * The step machine the app and the headless checker share: the current step's checks
 * are evaluated; when they all hold, the step passes and the next becomes current, so
 * several may pass at once. A passed step stays passed.
 */
export class LabSession {
  private passedCount = 0
  /** The current step's first assertion that did not hold at the last evaluation. */
  private failing: Assertion | undefined

  constructor(readonly lab: Lab) {}

  /** Index of the current step; `lab.steps.length` once every step has passed. */
  get current(): number {
    return this.passedCount
  }

  get done(): boolean {
    return this.passedCount === this.lab.steps.length
  }

  isPassed(index: number): boolean {
    return index < this.passedCount
  }

  /** Why the current step has not passed: its first assertion that did not hold when last evaluated. */
  get lastFailing(): Assertion | undefined {
    return this.failing
  }

  /** Evaluates the current step (and the next ones while they pass); returns the indexes that passed now. */
  evaluate(env: CheckEnv): number[] {
    const passedNow: number[] = []
    while (!this.done) {
      const failing = firstFailing(this.lab.steps[this.passedCount].checks, env)
      this.failing = failing
      if (failing) break
      passedNow.push(this.passedCount++)
    }
    return passedNow
  }
}
