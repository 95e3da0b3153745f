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
  ) {
    super(message)
  }

  /** `Error from server (NotFound): pods "web" not found`, optionally naming what was being done. */
  printed(context?: string): string {
    return `Error from server (${this.reason}): ${context ? `${context}: ` : ''}${this.message}`
  }
}
