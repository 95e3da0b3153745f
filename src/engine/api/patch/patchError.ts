/**
 * A patch the API server cannot apply, with the HTTP status it answers with
 * (apiserver handlers/patch.go): 400 BadRequest for a malformed patch, 422 for one
 * that does not apply, 500 for anything else the merge code returns.
 */
export class PatchError extends Error {
  constructor(
    readonly status: 400 | 422 | 500,
    message: string,
  ) {
    super(message)
  }
}
