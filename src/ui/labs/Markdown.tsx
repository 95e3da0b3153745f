import { Fragment, useMemo, type ReactNode } from 'react'
import { renderMarkdown, type Block, type Inline } from '../../labs/renderMarkdown.ts'

/**
 * Lab Markdown as React elements. Every piece of the lab's text goes into the page as a
 * text node, so raw HTML in a lab shows as its characters and never runs.
 */
export function Markdown({ source, headingOffset = 2 }: { source: string; headingOffset?: number }) {
  const blocks = useMemo(() => renderMarkdown(source), [source])
  return <div className="lab-markdown">{blocks.map((b, i) => renderBlock(b, i, headingOffset))}</div>
}

function renderBlock(block: Block, key: number, headingOffset: number): ReactNode {
  switch (block.type) {
    case 'heading': {
      // Headings inside a step sit below the panel's own.
      const level = Math.min(6, block.level + headingOffset)
      const Tag = `h${level}` as 'h3'
      return <Tag key={key}>{renderInlines(block.children)}</Tag>
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>
    case 'code':
      return (
        <pre key={key} className="lab-code">
          <code>{block.text}</code>
        </pre>
      )
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{item.map((b, j) => renderBlock(b, j, headingOffset))}</li>)
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      )
    }
    case 'quote':
      return <blockquote key={key}>{block.children.map((b, j) => renderBlock(b, j, headingOffset))}</blockquote>
    case 'rule':
      return <hr key={key} />
  }
}

function renderInlines(inlines: Inline[]): ReactNode {
  return inlines.map((inline, i) => {
    switch (inline.type) {
      case 'text':
        return <Fragment key={i}>{inline.text}</Fragment>
      case 'code':
        return <code key={i}>{inline.text}</code>
      case 'em':
        return <em key={i}>{renderInlines(inline.children)}</em>
      case 'strong':
        return <strong key={i}>{renderInlines(inline.children)}</strong>
      case 'break':
        return <br key={i} />
      case 'link':
        return inline.external ? (
          <a key={i} href={inline.href} target="_blank" rel="noopener noreferrer">
            {renderInlines(inline.children)}
          </a>
        ) : (
          <a key={i} href={inline.href}>
            {renderInlines(inline.children)}
          </a>
        )
    }
  })
}
