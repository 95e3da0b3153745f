/** The StatusReason of a refused request, as kubectl shows it in `Error from server (…)`. */
export type ApiReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed'

/**
 * A request the API server refused (k8s.io/apimachinery/pkg/api/errors). The message is
 * the server's; kubectl prints it as `Error from server (<reason>): <message>`, with
 * `error when creating "<file>": ` in between when the request came from a file.
 */
export class ApiError extends Error {
  constructor(
    readonly reason: ApiReason,
    message: string,
    /** The field the error is about, for pointing at a line in the editor. */
    readonly path?: string,
    /** A StatusCause type the server attaches (`NamespaceTerminating`), which controllers test for. */
    readonly causeType?: string,
    /** An Invalid error's details: the kind and name, and one `field: message` cause per field error. */
    readonly invalid?: { kind: string; group: string; name: string; causes: string[] },
  ) {
    super(message)
  }

  /**
   * What kubectl prints for it (cmdutil.CheckErr): `Error from server (NotFound): pods "web" not found`,
   * optionally naming what was being done. An Invalid error is rebuilt from its details with no
   * such prefix, its causes on `* ` lines when there are several (checkErr, MultilineError).
   */
  printed(context?: string): string {
    if (this.invalid) {
      const prefix = `The ${this.invalid.kind} "${this.invalid.name}" is invalid: `
      const causes = [...new Set(this.invalid.causes)]
      if (causes.length === 1) return prefix + causes[0]
      return `${prefix}\n${causes.map((c) => `* ${c}`).join('\n')}`
    }
    return `Error from server (${this.reason}): ${context ? `${context}: ` : ''}${this.message}`
  }

  /**
   * How it reads among several errors of one command (MultipleErrors): always `Error from server`,
   * and an Invalid error with the server's own message, `Deployment.apps "web" is invalid: [a, b]`.
   */
  aggregated(context?: string): string {
    if (!this.invalid) return this.printed(context)
    const { kind, group, name } = this.invalid
    const causes = [...new Set(this.invalid.causes)]
    const body = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`
    return `Error from server (Invalid): ${context ? `${context}: ` : ''}${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${body}`
  }
}
