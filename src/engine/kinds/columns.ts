/** Cells several kinds' tables share (printers.go's layoutContainerCells). */
export const containersAndImages = (spec: { containers?: { name: string; image: string }[] } | undefined): [string, string] => [
  (spec?.containers ?? []).map((c) => c.name).join(','),
  (spec?.containers ?? []).map((c) => c.image).join(','),
]
