import { describe, expect, it } from 'vitest'
import { parseInline, renderMarkdown, safeHref, type Block, type Inline } from '../../src/labs/renderMarkdown.ts'

const text = (t: string): Inline => ({ type: 'text', text: t })
const paragraph = (...children: Inline[]): Block => ({ type: 'paragraph', children })

/** Every text in the tree, joined: what a reader sees. */
function visible(nodes: (Block | Inline)[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text' || n.type === 'code') return n.text
      if (n.type === 'break' || n.type === 'rule') return '\n'
      if (n.type === 'list') return n.items.map((item) => visible(item)).join('\n')
      return visible(n.children)
    })
    .join('')
}

describe('renderMarkdown', () => {
  it('keeps raw HTML as text: a script and an img with onerror are characters, not elements', () => {
    const blocks = renderMarkdown('Hello <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<b>bold?</b> <a href="javascript:alert(3)">x</a>')
    expect(blocks).toEqual([
      paragraph(text('Hello <script>alert(1)</script>')),
      paragraph(text('<img src=x onerror="alert(2)">')),
      paragraph(text('<b>bold?</b> <a href="javascript:alert(3)">x</a>')),
    ])
    // The tree has no node type that could carry HTML.
    expect(JSON.stringify(blocks)).not.toMatch(/"type":"(html|image|raw)"/)
  })

  it('parses headings, paragraphs, emphasis, inline code and code blocks', () => {
    expect(renderMarkdown('# Title\n\nSome *em*, **strong** and `kubectl get pods`.\nNext line.\n\n```yaml\nkind: Pod\n  name: x\n```\n\n---')).toEqual([
      { type: 'heading', level: 1, children: [text('Title')] },
      paragraph(
        text('Some '),
        { type: 'em', children: [text('em')] },
        text(', '),
        { type: 'strong', children: [text('strong')] },
        text(' and '),
        { type: 'code', text: 'kubectl get pods' },
        text('.\nNext line.'),
      ),
      { type: 'code', lang: 'yaml', text: 'kind: Pod\n  name: x' },
      { type: 'rule' },
    ])
  })

  it('keeps Markdown out of code spans and snake_case words, and honours escapes', () => {
    expect(parseInline('`*not em*` my_var_name \\*lit\\* ``a ` b``')).toEqual([
      { type: 'code', text: '*not em*' },
      text(' my_var_name *lit* '),
      { type: 'code', text: 'a ` b' },
    ])
  })

  it('parses lists, nested lists and quotes', () => {
    expect(renderMarkdown('- one\n- two\n  - inner\n\n1. first\n2. second\n\n> quoted *text*')).toEqual([
      { type: 'list', ordered: false, start: 1, items: [[paragraph(text('one'))], [paragraph(text('two')), { type: 'list', ordered: false, start: 1, items: [[paragraph(text('inner'))]] }]] },
      { type: 'list', ordered: true, start: 1, items: [[paragraph(text('first'))], [paragraph(text('second'))]] },
      { type: 'quote', children: [paragraph(text('quoted '), { type: 'em', children: [text('text')] })] },
    ])
  })

  it('links only to relative addresses and https; other links show their text', () => {
    expect(parseInline('[docs](https://kubernetes.io/docs/) [next](#step-2) [lab](./other.md) [x](javascript:alert(1)) [y](http://example.com) [z](//evil.example)')).toEqual([
      { type: 'link', href: 'https://kubernetes.io/docs/', external: true, children: [text('docs')] },
      text(' '),
      { type: 'link', href: '#step-2', external: false, children: [text('next')] },
      text(' '),
      { type: 'link', href: './other.md', external: false, children: [text('lab')] },
      text(' x) y z'),
    ])
    expect(safeHref(' JaVa\tScRiPt:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,<script>')).toBeUndefined()
    expect(safeHref('https://k8s.io')).toEqual({ href: 'https://k8s.io', external: true })
  })

  it('shows an image as its alt text and loads nothing', () => {
    expect(renderMarkdown('![a cluster diagram](https://evil.example/track.png)')).toEqual([paragraph(text('a cluster diagram'))])
  })

  it('renders the spec example lab intro readably', () => {
    expect(visible(renderMarkdown('A teammate deployed an `ubuntu` toolbox.\n\n## Look\n\nList the *pods*.'))).toBe('A teammate deployed an ubuntu toolbox.LookList the pods.')
  })
})
