/** The bundle's URL under `root` (a directory URL ending in /), or undefined if it is missing or stale. */
export function freshBundle(root: URL): URL | undefined
