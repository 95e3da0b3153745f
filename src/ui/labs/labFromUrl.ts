/**
 * `?lab=PATH` opens a teacher's lab from the site that hosts kubesim (a course page links
 * to `kubesim/?lab=labs/week3.md`). Only the page's own origin: a link from a stranger
 * cannot make the app fetch from elsewhere.
 */
export type LabFromUrl = { origin: string; source: string } | { origin: string; error: string } | null

export async function labFromUrl(href: string, fetchText: (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>): Promise<LabFromUrl> {
  const page = new URL(href)
  const wanted = page.searchParams.get('lab')
  if (!wanted) return null
  const url = new URL(wanted, page)
  const origin = url.pathname.replace(/^.*\//, '') || wanted
  if (url.origin !== page.origin) return { origin, error: `kubesim opens labs from its own site only, not ${url.origin}` }
  try {
    const response = await fetchText(url.href)
    if (!response.ok) return { origin, error: `could not load ${url.pathname}: HTTP ${response.status}` }
    return { origin, source: await response.text() }
  } catch (err) {
    return { origin, error: `could not load ${url.pathname}: ${err instanceof Error ? err.message : String(err)}` }
  }
}
